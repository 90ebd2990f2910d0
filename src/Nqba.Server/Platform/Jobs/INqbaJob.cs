namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// A piece of scheduled or polled work: one run of whatever is due. Declared with
/// <see cref="JobRegistration.AddJob{TJob, TOptions}"/>; Quartz.NET runs it on its trigger, <see cref="JobExecutor"/> runs it
/// on demand (tests, the jobs page), and both apply the one exception, logging and metrics policy around it.
/// </summary>
internal interface INqbaJob
{
    /// <summary>Does the work that is due now. Throwing marks the run failed; the job's retry policy says what follows.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
