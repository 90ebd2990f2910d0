using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>Runs <see cref="SlaWatch"/> on an interval; any number of instances may (each alert is claimed once).</summary>
internal sealed partial class SlaMonitor(IServiceScopeFactory scopes, TimeProvider time, IOptions<SupportOptions> options, ILogger<SlaMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SlaWatchEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SlaCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SlaWatch>().CheckAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly unavailable; the next tick tries again.
                LogCheckFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception ex);
}
