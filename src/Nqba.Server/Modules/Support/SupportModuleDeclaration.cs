using Microsoft.AspNetCore.Components.Routing;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support;

/// <summary>The Support module's declaration.</summary>
internal sealed class SupportModuleDeclaration : INqbaModule
{
    public string Name => "Support";

    /// <summary>Staff: the inbox, the live chat console and the knowledge base editor; clients: their tickets (the portal).</summary>
    public IReadOnlyList<NavigationEntry> Navigation { get; } = [
        new("/support/inbox", "SupportInbox", NavigationOrder.Work + 30, NqbaRoles.Staff, NavLinkMatch.Prefix),
        new("/support/chat", "LiveChat", NavigationOrder.Work + 31, NqbaRoles.Staff, NavLinkMatch.Prefix),
        new("/support/kb", "KnowledgeBase", NavigationOrder.Work + 32, NqbaRoles.Staff, NavLinkMatch.Prefix),
        new("/support/portal", "MySupport", NavigationOrder.Work + 30, [NqbaRoles.Client], NavLinkMatch.Prefix),
    ];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddSupportModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSupportEndpoints();
}
