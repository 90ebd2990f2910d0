using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>
/// Runs the retention purges on schedule (<see cref="AccessOptions.RetentionInterval"/>). Purges are idempotent, so
/// two instances running one at the same time erase nothing twice.
/// </summary>
internal sealed partial class RetentionScheduler(IServiceScopeFactory scopes, IOptions<AccessOptions> options, TimeProvider time, ILogger<RetentionScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var purged = await scope.ServiceProvider.GetRequiredService<PrivacyService>().ApplyRetentionAsync(stoppingToken);
                var records = purged.Values.Sum();
                LogPurged(records, purged.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge done: {Records} records in {Categories} categories")]
    private partial void LogPurged(int records, int categories);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
