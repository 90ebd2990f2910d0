using Microsoft.AspNetCore.Components.Routing;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Cli;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Platform;

/// <summary>The shared kernel, declared as a module: added and mapped before every other one.</summary>
internal sealed class PlatformModuleDeclaration : INqbaModule
{
    public string Name => ModuleCatalog.KernelName;

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("/dashboard", "Dashboard", NavigationOrder.Home, Match: NavLinkMatch.Prefix),
        new("/company/calendars", "Calendars", NavigationOrder.Work + 80, NqbaRoles.Staff, NavLinkMatch.Prefix),
        new("/docs", "ApiReference", NavigationOrder.Work + 90, NqbaRoles.Staff),
        new("/admin/audit", "Audit", NavigationOrder.Compliance, [NqbaRoles.Admin, NqbaRoles.ComplianceOfficer]),
        new("/admin/events", "EventDelivery", NavigationOrder.Administration, [NqbaRoles.Admin]),
        new("/admin/jobs", "Jobs", NavigationOrder.Administration + 10, [NqbaRoles.Admin]),
    ];

    public IReadOnlyList<ICliVerb> Verbs { get; } = [new MigrateVerb(), new AuditVerb(), new BackupVerb(), new KeysVerb(), new ContextsVerb()];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddPlatform();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPlatformEndpoints();
}
