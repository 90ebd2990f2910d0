namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// The one row that numbers tickets: opening a ticket increments it in the ticket's own transaction, so concurrent
/// openers wait for each other and numbers are unique and consecutive (<see cref="TicketNumbers"/>).
/// </summary>
internal sealed class TicketCounter
{
    public int Id { get; set; }

    /// <summary>The number the newest ticket got.</summary>
    public long LastNumber { get; set; }
}
