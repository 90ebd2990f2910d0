using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Intake.Response;

/// <summary>Runs <see cref="LeadResponseWatch"/> on an interval; any instance may run it (each change is written once).</summary>
internal sealed partial class LeadResponseMonitor(IServiceScopeFactory scopes, TimeProvider time, IOptions<IntakeOptions> options, ILogger<LeadResponseMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ResponseCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<LeadResponseWatch>().CheckAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly unavailable; the next tick tries again.
                LogCheckFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lead-response check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception ex);
}
