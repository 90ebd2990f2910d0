using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Optimization.Persistence;
using Nqba.Server.Modules.Optimization.Solving;
using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Modules.Optimization.Jobs;

/// <summary>
/// Runs queued optimization jobs (<see cref="OptimizationQueueJob"/> calls it). Any instance may run any job: a job is
/// claimed with a conditional update and held for its budget plus a margin, so a job whose instance died is picked up
/// again. An instance solves at most <see cref="OptimizationOptions.ConcurrentJobs"/> at once, whatever number of runs
/// overlap.
/// </summary>
internal sealed partial class OptimizationJobRunner(
    IServiceScopeFactory scopes,
    IOptions<OptimizationOptions> options,
    TimeProvider time,
    ILogger<OptimizationJobRunner> logger) : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim _slots = new(options.Value.ConcurrentJobs);

    /// <summary>Stores a queued job for a run to claim (the caller wakes the queue).</summary>
    public async Task EnqueueAsync(OptimizationJob job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OptimizationDbContext>();
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Claims and solves queued jobs, one after another, while this instance has a free slot and a job is waiting;
    /// returns how many it solved (none when every slot is busy: a running solve claims the next job when it ends).
    /// </summary>
    public async Task<int> RunQueuedAsync(CancellationToken cancellationToken)
    {
        var solved = 0;
        while (await _slots.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            try
            {
                if (await ClaimNextAsync(cancellationToken) is not { } job)
                {
                    return solved;
                }

                await RunAsync(job, cancellationToken);
                solved++;
            }
            finally
            {
                _slots.Release();
            }
        }

        return solved;
    }

    public void Dispose() => _slots.Dispose();

    private async Task<OptimizationJob?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OptimizationDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == OptimizationJobStatus.Queued || (j.Status == OptimizationJobStatus.Running && j.ClaimedUntil < now))
            .OrderBy(j => j.CreatedAt).Take(5).ToListAsync(cancellationToken);
        foreach (var job in candidates)
        {
            var request = JsonSerializer.Deserialize<OptimizeRequest>(job.RequestJson, Json)!;
            var claimedUntil = now + TimeSpan.FromMilliseconds(request.TimeLimitMs) + TimeSpan.FromMinutes(2);
            var claimed = await db.Jobs
                .Where(j => j.Id == job.Id && (j.Status == OptimizationJobStatus.Queued || (j.Status == OptimizationJobStatus.Running && j.ClaimedUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, OptimizationJobStatus.Running)
                    .SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.ClaimedUntil, claimedUntil), cancellationToken);
            if (claimed == 1)
            {
                return job;
            }
        }

        return null;
    }

    private async Task RunAsync(OptimizationJob job, CancellationToken cancellationToken)
    {
        string? resultJson = null;
        string? error = null;
        using (NqbaTelemetry.ActivitySource.StartActivity("optimization job"))
        {
            try
            {
                var request = JsonSerializer.Deserialize<OptimizeRequest>(job.RequestJson, Json)!;
                var result = QuboSolving.Solve(request, options.Value.Threads, cancellationToken);
                resultJson = JsonSerializer.Serialize(result, Json);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The job's own failure (a model the solver rejects) is reported on the job, not thrown away.
                error = ex.Message;
                LogJobFailed(logger, job.Id, ex);
            }
        }

        NqbaTelemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", "optimization"));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OptimizationDbContext>();
        var finished = time.GetUtcNow().UtcDateTime;
        await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, error is null ? OptimizationJobStatus.Succeeded : OptimizationJobStatus.Failed)
            .SetProperty(j => j.ResultJson, resultJson)
            .SetProperty(j => j.Error, error)
            .SetProperty(j => j.FinishedAt, finished)
            .SetProperty(j => j.ClaimedUntil, (DateTime?)null), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Optimization job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, Guid jobId, Exception exception);
}
