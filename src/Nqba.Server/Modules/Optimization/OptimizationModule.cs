using Nqba.Server.Modules.Optimization.Jobs;
using Nqba.Server.Modules.Optimization.Persistence;
using Nqba.Server.Modules.Optimization.Solving;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Optimization;

/// <summary>The QSAI engine's HTTP endpoint, its job runner and the <c>nqba solve</c> verb.</summary>
public static class OptimizationModule
{
    public static IHostApplicationBuilder AddOptimizationModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OptimizationOptions>().BindConfiguration(OptimizationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<OptimizationDbContext, SqliteOptimizationDbContext, PostgresOptimizationDbContext>("__ef_optimization");
        builder.Services.AddSingleton<OptimizationJobSignal>();
        builder.Services.AddHostedService<OptimizationJobRunner>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOptimizationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOptimizeEndpoints();
        return app;
    }
}
