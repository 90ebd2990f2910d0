using Microsoft.AspNetCore.Components.Routing;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>The Scheduling module's declaration.</summary>
internal sealed class SchedulingModuleDeclaration : INqbaModule
{
    public string Name => "Scheduling";

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [
        new("/scheduling/calendar", "Calendar", NavigationOrder.Work + 10, NqbaRoles.Staff, NavLinkMatch.Prefix),
        new("/scheduling/availability", "Availability", NavigationOrder.Work + 11, NqbaRoles.Staff, NavLinkMatch.Prefix),
        new("/scheduling/meeting-types", "MeetingTypes", NavigationOrder.Work + 12, [NqbaRoles.Admin], NavLinkMatch.Prefix),
    ];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddSchedulingModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSchedulingEndpoints();
}
