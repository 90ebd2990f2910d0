using Microsoft.AspNetCore.Components.Routing;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Insights;

/// <summary>The Insights module's declaration: the KPI dashboard for staff.</summary>
internal sealed class InsightsModuleDeclaration : INqbaModule
{
    public string Name => "Insights";

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new("/insights", "Insights", NavigationOrder.Work + 1, NqbaRoles.Staff, NavLinkMatch.Prefix)];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddInsightsModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapInsightsEndpoints();
}
