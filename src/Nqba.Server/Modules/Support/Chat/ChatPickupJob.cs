using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// Turns chats nobody accepted within the pickup timeout into tickets, and clears presence of vanished consoles, every
/// <see cref="SupportChatOptions.PickupCheckInterval"/> (declared in <c>AddSupportChat</c>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class ChatPickupJob(ChatService chats, AgentPresenceTracker presence, IOptions<SupportChatOptions> options, ILogger<ChatPickupJob> logger) : INqbaJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var handedOver = await chats.HandOverUnansweredAsync(cancellationToken);
        await presence.PurgeAsync(options.Value.AgentPresenceTimeout * 10, cancellationToken);
        if (handedOver > 0)
        {
            LogHandedOver(handedOver);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} unanswered chats handed over as tickets")]
    private partial void LogHandedOver(int count);
}
