using Microsoft.Extensions.Options;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Keeps this instance's key cache in step with erasures made on other instances: every
/// <see cref="ProtectionOptions.DestroyedKeyPollInterval"/> it asks the key table which keys were destroyed since the
/// last look and drops them, so an erased person's data stops being readable everywhere within that interval. The
/// window reaches back a few minutes further than the last look, so instances whose clocks differ miss nothing.
/// </summary>
internal sealed partial class DestroyedKeyWatcher(FieldProtector protector, IOptions<ProtectionOptions> options, TimeProvider time, ILogger<DestroyedKeyWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

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
                if (dropped > 0)
                {
                    LogDropped(dropped);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped {Count} cached data keys destroyed by another instance")]
    private partial void LogDropped(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for destroyed data keys failed; it is tried again at the next interval")]
    private partial void LogFailed(Exception exception);
}
