using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// The one policy around every run of every job, whether Quartz fired it or someone asked for it: a scope of its own, a
/// trace span, the run and failure counters, and one log line per failure. A failure is any exception but the
/// cancellation of a shutting-down host; it is logged as an error with the job's name and what happens next, and never
/// reaches Quartz's thread (the job's <see cref="JobRetry"/> decides what follows).
/// </summary>
internal sealed partial class JobExecutor(IServiceScopeFactory scopes, JobCatalog catalog, TimeProvider time, ILogger<JobExecutor> logger)
{
    /// <summary>Runs <typeparamref name="TJob"/> once now, as its trigger would (tests and on-demand runs).</summary>
    public Task<JobOutcome> RunAsync<TJob>(CancellationToken cancellationToken) where TJob : INqbaJob =>
        RunAsync(catalog.Get<TJob>(), cancellationToken);

    public async Task<JobOutcome> RunAsync(JobDeclaration job, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var activity = NqbaTelemetry.ActivitySource.StartActivity("job " + job.Name);
        activity?.SetTag("nqba.job", job.Name);
        var tag = new KeyValuePair<string, object?>("job", job.Name);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var work = (INqbaJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            await work.RunAsync(cancellationToken);
            NqbaTelemetry.JobRuns.Add(1, tag, new("outcome", "succeeded"));
            return new JobOutcome(startedAt, time.GetElapsedTime(started), Succeeded: true, Error: null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            NqbaTelemetry.JobRuns.Add(1, tag, new("outcome", "failed"));
            NqbaTelemetry.JobFailures.Add(1, tag);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            LogFailed(job.Name, job.Plan.Retry.ToString(), ex);
            return new JobOutcome(startedAt, time.GetElapsedTime(started), Succeeded: false, Error: $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed; it is retried: {Retry}")]
    private partial void LogFailed(string job, string retry, Exception exception);
}
