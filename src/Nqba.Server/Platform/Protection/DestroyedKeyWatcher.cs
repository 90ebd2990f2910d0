using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Keeps this instance's key cache in step with erasures made on other instances: every
/// <see cref="ProtectionOptions.DestroyedKeyPollInterval"/> it asks the key table which keys were destroyed since the
/// last look and drops them, so an erased person's data stops being readable everywhere within that interval. The
/// window reaches back a few minutes further than the last look, so instances whose clocks differ miss nothing.
/// <para>
/// Not a Quartz job, on purpose: the cache it clears is this process's, so every instance must run it, and a job in the
/// shared store fires on one instance per fire time. Its runs and failures are counted like a job's
/// (<c>nqba_jobs_runs_total</c> and <c>nqba_jobs_failures_total</c> with <c>job="DestroyedKeyWatcher"</c>).
/// </para>
/// </summary>
internal sealed partial class DestroyedKeyWatcher(FieldProtector protector, IOptions<ProtectionOptions> options, TimeProvider time, ILogger<DestroyedKeyWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly KeyValuePair<string, object?> Job = new("job", nameof(DestroyedKeyWatcher));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = time.GetUtcNow().UtcDateTime;
        using var timer = new PeriodicTimer(options.Value.DestroyedKeyPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var lookedAt = time.GetUtcNow().UtcDateTime;
            try
            {
                var dropped = await protector.ForgetDestroyedSinceAsync(since - ClockSkew, stoppingToken);
                since = lookedAt;
                NqbaTelemetry.JobRuns.Add(1, Job, new("outcome", "succeeded"));
                if (dropped > 0)
                {
                    LogDropped(dropped);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                NqbaTelemetry.JobRuns.Add(1, Job, new("outcome", "failed"));
                NqbaTelemetry.JobFailures.Add(1, Job);
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} cached data keys destroyed by another instance")]
    private partial void LogDropped(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for destroyed data keys failed; it is tried again at the next interval")]
    private partial void LogFailed(Exception exception);
}
