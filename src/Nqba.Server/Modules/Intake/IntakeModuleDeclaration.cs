using Microsoft.AspNetCore.Components.Routing;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Intake;

/// <summary>The Intake module's declaration.</summary>
internal sealed class IntakeModuleDeclaration : INqbaModule
{
    public string Name => "Intake";

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("/leads", "Leads", NavigationOrder.Work, NqbaRoles.Staff, NavLinkMatch.Prefix)];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddIntakeModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapIntakeEndpoints();
}
