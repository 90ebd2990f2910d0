using Microsoft.AspNetCore.Components.Routing;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring;

/// <summary>The Monitoring module's declaration.</summary>
internal sealed class MonitoringModuleDeclaration : INqbaModule
{
    public string Name => "Monitoring";

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("/monitoring", "Operations", NavigationOrder.Work + 20, NqbaRoles.Staff, NavLinkMatch.Prefix)];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddMonitoringModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapMonitoringEndpoints();
}
