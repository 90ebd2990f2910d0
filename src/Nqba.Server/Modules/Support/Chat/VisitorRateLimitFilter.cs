using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// Limits what one visitor (token) may do per minute: starting, sending, asking for a human, mailing the transcript.
/// Typing and read notices are not counted. A refused call fails with a message the widget shows.
/// </summary>
internal sealed class VisitorRateLimitFilter(IOptions<SupportChatOptions> options) : IHubFilter, IDisposable
{
    private static readonly HashSet<string> Counted = new(StringComparer.Ordinal) { "Start", "Send", "RequestHuman", "EmailTranscript" };

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.VisitorMessagesPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (Counted.Contains(invocationContext.HubMethodName))
        {
            var key = ChatService.VisitorKey(VisitorHub.Token(invocationContext.Context));
            using var lease = _limiter.AttemptAcquire(key);
            if (!lease.IsAcquired)
            {
                throw new HubException("Too many messages; wait a minute and try again.");
            }
        }

        return await next(invocationContext);
    }

    public void Dispose() => _limiter.Dispose();
}
