namespace Nqba.Server.Modules.Support.Chat;

/// <summary>What the hub calls on a visitor's widget.</summary>
public interface IVisitorClient
{
    Task Message(MessageView message);

    Task Typing(bool typing);

    Task Read(DateTime at);

    Task Status(ConversationSummary conversation);
}
