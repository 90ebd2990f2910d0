using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// Runs <see cref="ChatSlaWatch"/> every <see cref="SupportChatOptions.SlaCheckInterval"/> (a second by default: the
/// live-chat target is 30 seconds) wherever the SLA watch is enabled; any number of instances may.
/// </summary>
internal sealed partial class ChatSlaMonitor(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<SupportOptions> support,
    IOptions<SupportChatOptions> options,
    ILogger<ChatSlaMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!support.Value.SlaWatchEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SlaCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ChatSlaWatch>().CheckAsync(time.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be migrating at start-up or briefly unavailable; the next tick tries again.
                LogCheckFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live-chat SLA check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception ex);
}
