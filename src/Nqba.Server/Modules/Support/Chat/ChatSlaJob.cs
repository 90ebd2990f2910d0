using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// Checks waiting chats against their first-response SLA (<see cref="ChatSlaWatch"/>) every
/// <see cref="SupportChatOptions.SlaCheckInterval"/>, a second by default (the live-chat target is 30 seconds), wherever
/// <see cref="SupportOptions.SlaWatchEnabled"/>; declared in <c>AddSupportChat</c>. A check only marks what is due, so a
/// missed or repeated one changes nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ChatSlaJob(ChatSlaWatch watch, TimeProvider time) : INqbaJob
{
    public Task RunAsync(CancellationToken cancellationToken) => watch.CheckAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
}
