using Quartz;

namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// The one Quartz job type: every declared job is stored as this class under its own key, and a firing runs the declared
/// work through <see cref="JobExecutor"/>. Its outcome goes into the job's data, which Quartz persists after the run.
/// </summary>
internal sealed class QuartzJob(JobCatalog catalog, JobExecutor executor) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var job = catalog.Find(context.JobDetail.Key.Name)
            ?? throw new JobExecutionException($"No job named {context.JobDetail.Key.Name} is declared in this build.") { UnscheduleAllTriggers = true };
        var outcome = await executor.RunAsync(job, cancellationToken);
        outcome.WriteTo(context.JobDetail.JobDataMap);
        if (!outcome.Succeeded && context.RefireCount < job.Plan.Retry.ImmediateAttempts)
        {
            throw new JobExecutionException(outcome.Error ?? job.Name + " failed") { RefireImmediately = true };
        }
    }
}
