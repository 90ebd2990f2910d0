namespace Nqba.Server.Modules.Support.Chat;

/// <summary>Where a conversation is: with the bot, waiting for an agent, with an agent, handed over as a ticket, or closed.</summary>
public enum ChatStatus
{
    Bot,
    Waiting,
    Active,
    HandedOver,
    Closed,
}
