using Microsoft.AspNetCore.SignalR;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// The widget's hub, anonymous. A visitor is known by the token its widget keeps (query <c>visitor</c>): one open
/// conversation per token, resumed on reconnect. Calls are rate-limited per visitor (<see cref="VisitorRateLimitFilter"/>).
/// </summary>
internal sealed class VisitorHub(ChatService chat) : Hub<IVisitorClient>
{
    public const string Path = "/hubs/support/visitor";

    public async Task<ConversationView> Start(StartChatRequest request)
    {
        var organization = Guid.TryParse(Context.User?.FindFirst(NqbaClaims.Organization)?.Value, out var org) ? org : (Guid?)null;
        var view = Unwrap(await chat.StartAsync(Token(Context), request ?? new StartChatRequest(null, null, null, null), organization, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatNotifier.VisitorGroup(view.Conversation.Id), Context.ConnectionAborted);
        Context.Items["conversation"] = view.Conversation.Id;
        return view;
    }

    public async Task<MessageView> Send(string text) => Unwrap(await chat.VisitorSendAsync(Token(Context), text, Context.ConnectionAborted));

    public async Task<ConversationSummary> RequestHuman() => Unwrap(await chat.RequestHumanAsync(Token(Context), Context.ConnectionAborted));

    public async Task<DateTime> MarkRead() => Unwrap(await chat.VisitorReadAsync(Token(Context), Context.ConnectionAborted));

    public async Task<string> EmailTranscript()
    {
        Unwrap(await chat.EmailTranscriptAsync(Token(Context), Context.ConnectionAborted));
        return "sent";
    }

    public async Task Typing(bool typing)
    {
        if (Context.Items.TryGetValue("conversation", out var id) && id is Guid conversationId)
        {
            await chat.VisitorTypingAsync(conversationId, typing);
        }
    }

    /// <summary>The visitor token of a connection; validated by every service call.</summary>
    public static string Token(HubCallerContext context) =>
        context.GetHttpContext()?.Request.Query["visitor"].ToString() ?? string.Empty;

    internal static T Unwrap<T>(Result<T> result) =>
        result.Succeeded ? result.Value : throw new HubException(result.Error.Detail);
}
