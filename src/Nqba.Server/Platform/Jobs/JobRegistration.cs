using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Nqba.Server.Platform.Jobs;

/// <summary>The one way a module declares a job: the class that does the work and its plan, from the module's options.</summary>
internal static class JobRegistration
{
    /// <summary>
    /// Declares <typeparamref name="TJob"/> (resolved in a scope of its own per run; register it as a singleton first if it
    /// keeps state between runs) with the plan <paramref name="plan"/> makes of the module's bound options.
    /// </summary>
    public static IServiceCollection AddJob<TJob, TOptions>(this IServiceCollection services, Func<TOptions, JobPlan> plan)
        where TJob : class, INqbaJob
        where TOptions : class
        => services.AddJob<TJob>(sp => plan(sp.GetRequiredService<IOptions<TOptions>>().Value));

    /// <summary>
    /// Declares <typeparamref name="TJob"/> with the plan <paramref name="plan"/> makes of two options classes (e.g. a
    /// switch in the module's options and an interval in a feature's).
    /// </summary>
    public static IServiceCollection AddJob<TJob, TOptions, TMoreOptions>(this IServiceCollection services, Func<TOptions, TMoreOptions, JobPlan> plan)
        where TJob : class, INqbaJob
        where TOptions : class
        where TMoreOptions : class
        => services.AddJob<TJob>(sp => plan(sp.GetRequiredService<IOptions<TOptions>>().Value, sp.GetRequiredService<IOptions<TMoreOptions>>().Value));

    private static IServiceCollection AddJob<TJob>(this IServiceCollection services, Func<IServiceProvider, JobPlan> plan)
        where TJob : class, INqbaJob
    {
        services.TryAddScoped<TJob>();
        services.AddSingleton(new JobDefinition(
            typeof(TJob).Name,
            typeof(TJob),
            typeof(TJob).GetCustomAttribute<DisallowConcurrentExecutionAttribute>() is not null,
            plan));
        return services;
    }
}

/// <summary>A registered job before the host's options are read.</summary>
internal sealed record JobDefinition(string Name, Type JobType, bool DisallowConcurrent, Func<IServiceProvider, JobPlan> Plan);
