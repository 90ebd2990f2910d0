using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Nqba.Server.Modules.Support.Knowledge;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>The agent console's hub (staff only): lists, accepts and answers chats, with article suggestions while typing.</summary>
[Authorize(Policy = NqbaPolicies.Staff)]
internal sealed class AgentHub(ChatService chat, AgentPresenceTracker presence, KnowledgeService knowledge) : Hub<IAgentClient>
{
    public const string Path = "/hubs/support/agent";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatNotifier.AgentsGroup, Context.ConnectionAborted);
        await presence.ConnectedAsync(Context.ConnectionId, UserId, AgentName, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await presence.DisconnectedAsync(Context.ConnectionId, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Keeps the agent counted as online (the console calls it every 30 seconds).</summary>
    public Task Ping() => presence.SeenAsync(Context.ConnectionId, UserId, AgentName, Context.ConnectionAborted);

    public Task<List<ConversationSummary>> List() => chat.ListOpenAsync(Context.ConnectionAborted);

    public async Task<ConversationView> Open(Guid conversationId) => VisitorHub.Unwrap(await chat.GetAsync(conversationId, Context.ConnectionAborted));

    public async Task<ConversationView> Accept(Guid conversationId) =>
        VisitorHub.Unwrap(await chat.AcceptAsync(conversationId, UserId, AgentName, Context.ConnectionAborted));

    public async Task<MessageView> Send(Guid conversationId, string text) =>
        VisitorHub.Unwrap(await chat.AgentSendAsync(conversationId, UserId, text, Context.ConnectionAborted));

    public Task Typing(Guid conversationId, bool typing) => chat.AgentTypingAsync(conversationId, typing);

    public async Task<DateTime> MarkRead(Guid conversationId) => VisitorHub.Unwrap(await chat.AgentReadAsync(conversationId, Context.ConnectionAborted));

    public async Task<ConversationSummary> Close(Guid conversationId) => VisitorHub.Unwrap(await chat.CloseAsync(conversationId, Context.ConnectionAborted));

    /// <summary>Articles (public and internal) matching what the agent is typing.</summary>
    public async Task<List<ArticleSummaryDto>> Suggest(string draft, string language)
    {
        if (string.IsNullOrWhiteSpace(draft) || draft.Length > 500 || !KbLanguages.IsSupported(language))
        {
            return [];
        }

        var result = await knowledge.SearchAsync(draft, language, includeInternal: true, limit: 5, Context.ConnectionAborted);
        return result.Succeeded ? result.Value : [];
    }

    private string UserId => Context.User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? Context.UserIdentifier ?? "unknown";

    private string AgentName => Context.User?.FindFirstValue(NqbaClaims.DisplayName) is { Length: > 0 } name ? name : Context.User?.Identity?.Name ?? "Agent";
}
