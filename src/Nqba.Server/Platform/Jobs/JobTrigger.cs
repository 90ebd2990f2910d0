using System.Data.Common;
using Quartz;

namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// Fires a declared job now, besides its schedule, for work that should start as soon as it exists (an event committed,
/// an optimization job queued) rather than at the next fire time. The firing is a one-off trigger in the job store, so
/// in a cluster whichever instance is free runs it. Asks are coalesced: while one firing is asked for and its run has not
/// begun (<see cref="Taken"/>), further asks add nothing. A firing that cannot be stored (the scheduler stopped, the job
/// turned off, the store unreachable, the host still starting) is left to the job's schedule, which still polls.
/// </summary>
internal sealed partial class JobTrigger<TJob>(ISchedulerFactory schedulers, NqbaJobs jobs, JobCatalog catalog, ILogger<JobTrigger<TJob>> logger)
    where TJob : INqbaJob
{
    private int _asked;

    /// <summary>Asks for a run of <typeparamref name="TJob"/> now unless one is already asked for; returns at once.</summary>
    public void Notify()
    {
        if (Interlocked.Exchange(ref _asked, 1) == 0)
        {
            // Off the caller's thread: the caller is often committing a transaction, and the store's write may wait on it.
            _ = Task.Run(FireAsync);
        }
    }

    /// <summary>Called by the job as a run begins: what is asked for from then on needs a run of its own.</summary>
    public void Taken() => Volatile.Write(ref _asked, 0);

    private async Task FireAsync()
    {
        var job = catalog.Get<TJob>();
        if (!job.Plan.Enabled)
        {
            return; // it stays "asked", so later asks cost nothing: the job has no trigger on this host
        }

        if (!jobs.Synchronized)
        {
            // Start-up (seeding, migrations) is still putting the jobs in place; the job's first run at start covers it,
            // and the scheduler is not built twice at once.
            Volatile.Write(ref _asked, 0);
            return;
        }

        try
        {
            var scheduler = await schedulers.GetScheduler(CancellationToken.None);
            await scheduler.TriggerJob(new JobKey(job.Name, JobDeclaration.Group), CancellationToken.None);
        }
        catch (Exception ex) when (ex is SchedulerException or ObjectDisposedException or DbException)
        {
            Volatile.Write(ref _asked, 0);
            LogNotFired(job.Name, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} could not be fired now; its schedule runs it")]
    private partial void LogNotFired(string job, Exception exception);
}
