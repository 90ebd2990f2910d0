namespace Nqba.Server.Modules.Support.Chat;

/// <summary>Who wrote a chat message.</summary>
public enum ChatSender
{
    Visitor,
    Bot,
    Agent,
    System,
}
