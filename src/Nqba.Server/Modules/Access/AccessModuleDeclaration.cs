using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Cli;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access;

/// <summary>The Access module's declaration.</summary>
internal sealed class AccessModuleDeclaration : INqbaModule
{
    public string Name => "Access";

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("/admin/privacy", "Privacy", NavigationOrder.Compliance + 10, [NqbaRoles.Admin, NqbaRoles.ComplianceOfficer]),
        new("/admin/compliance", "Compliance", NavigationOrder.Compliance + 20, [NqbaRoles.Admin, NqbaRoles.ComplianceOfficer]),
        new("/account/mfa", "Security", NavigationOrder.Account),
    ];

    public IReadOnlyList<ICliVerb> Verbs { get; } = [new AdminVerb()];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddAccessModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapAccessEndpoints();
}
