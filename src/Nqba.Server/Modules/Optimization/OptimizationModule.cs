using Nqba.Server.Modules.Optimization.Jobs;
using Nqba.Server.Modules.Optimization.Persistence;
using Nqba.Server.Modules.Optimization.Solving;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Optimization;

/// <summary>The QSAI engine's HTTP endpoint, its job runner and the <c>nqba solve</c> verb.</summary>
public static class OptimizationModule
{
    public static IHostApplicationBuilder AddOptimizationModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OptimizationOptions>().BindConfiguration(OptimizationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<OptimizationDbContext, SqliteOptimizationDbContext, PostgresOptimizationDbContext>();
        builder.Services.AddSingleton<OptimizationJobRunner>();
        builder.Services.AddJob<OptimizationQueueJob, OptimizationOptions>(o => new JobPlan(
            JobSchedule.Every(o.QueuePollInterval, startNow: true), JobMisfire.FireOnceNow, JobRetry.AtNextFire));
        return builder;
    }

    public static IEndpointRouteBuilder MapOptimizationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapOptimizeEndpoints();
        return app;
    }
}
