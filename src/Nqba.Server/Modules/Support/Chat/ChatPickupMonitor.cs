using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>Turns chats nobody accepted within the pickup timeout into tickets, and clears presence of vanished consoles.</summary>
internal sealed partial class ChatPickupMonitor(IServiceScopeFactory scopes, IOptions<SupportChatOptions> options, TimeProvider time, ILogger<ChatPickupMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PickupCheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var handedOver = await scope.ServiceProvider.GetRequiredService<ChatService>().HandOverUnansweredAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<AgentPresenceTracker>().PurgeAsync(options.Value.AgentPresenceTimeout * 10, stoppingToken);
                if (handedOver > 0)
                {
                    LogHandedOver(logger, handedOver);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be migrating at start-up or briefly unavailable; the next tick tries again.
                LogCheckFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unanswered chats handed over as tickets")]
    private static partial void LogHandedOver(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat pickup check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
