namespace Nqba.Server.Modules.Support.Chat;

/// <summary>What the hub calls on agent consoles.</summary>
public interface IAgentClient
{
    Task Conversation(ConversationSummary conversation);

    Task Message(MessageView message);

    Task Typing(Guid conversationId, bool typing);

    Task Read(Guid conversationId, DateTime at);
}
