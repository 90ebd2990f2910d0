namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>Who wrote a ticket message.</summary>
public enum MessageAuthor
{
    Client,
    Agent,
    System,
}
