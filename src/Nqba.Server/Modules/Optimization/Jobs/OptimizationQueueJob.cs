using Nqba.Server.Platform.Jobs;

namespace Nqba.Server.Modules.Optimization.Jobs;

/// <summary>
/// Solves queued optimization jobs (<see cref="OptimizationJobRunner"/>). Fired every
/// <see cref="OptimizationOptions.QueuePollInterval"/> (jobs whose claim lapsed) and, through
/// <see cref="JobTrigger{TJob}"/>, as soon as a job is queued; declared in <c>AddOptimizationModule</c>. Runs may overlap
/// (no <see cref="Quartz.DisallowConcurrentExecutionAttribute"/>): a solve takes minutes, and every instance of a cluster
/// solves up to <see cref="OptimizationOptions.ConcurrentJobs"/> at once; the job rows' claims keep each job to one run.
/// </summary>
internal sealed class OptimizationQueueJob(OptimizationJobRunner runner, JobTrigger<OptimizationQueueJob> trigger) : INqbaJob
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.Taken();
        return runner.RunQueuedAsync(cancellationToken);
    }
}
