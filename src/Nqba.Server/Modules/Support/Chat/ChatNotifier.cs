using Microsoft.AspNetCore.SignalR;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>Pushes chat changes to the visitor's widget (group: the conversation id) and to every agent console (group: agents).</summary>
internal sealed class ChatNotifier(IHubContext<VisitorHub, IVisitorClient> visitors, IHubContext<AgentHub, IAgentClient> agents)
{
    public const string AgentsGroup = "agents";

    public static string VisitorGroup(Guid conversationId) => conversationId.ToString("N");

    public async Task MessageAsync(MessageView message)
    {
        await visitors.Clients.Group(VisitorGroup(message.ConversationId)).Message(message);
        await agents.Clients.Group(AgentsGroup).Message(message);
    }

    public async Task ConversationAsync(ConversationSummary conversation)
    {
        await visitors.Clients.Group(VisitorGroup(conversation.Id)).Status(conversation);
        await agents.Clients.Group(AgentsGroup).Conversation(conversation);
    }

    public Task VisitorTypingAsync(Guid conversationId, bool typing) => agents.Clients.Group(AgentsGroup).Typing(conversationId, typing);

    public Task AgentTypingAsync(Guid conversationId, bool typing) => visitors.Clients.Group(VisitorGroup(conversationId)).Typing(typing);

    public Task VisitorReadAsync(Guid conversationId, DateTime at) => agents.Clients.Group(AgentsGroup).Read(conversationId, at);

    public Task AgentReadAsync(Guid conversationId, DateTime at) => visitors.Clients.Group(VisitorGroup(conversationId)).Read(at);
}
