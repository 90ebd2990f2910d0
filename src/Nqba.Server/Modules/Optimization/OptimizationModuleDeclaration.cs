using Nqba.Server.Modules.Optimization.Solving;
using Nqba.Server.Platform.Cli;
using Nqba.Server.Platform.Modules;

namespace Nqba.Server.Modules.Optimization;

/// <summary>The Optimization module's declaration.</summary>
internal sealed class OptimizationModuleDeclaration : INqbaModule
{
    public string Name => "Optimization";

    public IReadOnlyList<ICliVerb> Verbs { get; } = [new SolveVerb()];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddOptimizationModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapOptimizationEndpoints();
}
