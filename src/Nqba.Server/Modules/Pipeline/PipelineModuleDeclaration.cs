using Microsoft.AspNetCore.Components.Routing;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Pipeline;

/// <summary>The Pipeline module's declaration.</summary>
internal sealed class PipelineModuleDeclaration : INqbaModule
{
    public string Name => "Pipeline";

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("/pipeline", "Pipeline", NavigationOrder.Work + 5, NqbaRoles.Staff, NavLinkMatch.Prefix)];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddPipelineModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapPipelineModuleEndpoints();
}
