namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>Where a ticket stands. PendingOnClient pauses the SLA clocks; Reopened counts as open.</summary>
public enum TicketStatus
{
    New,
    Open,
    PendingOnClient,
    Solved,
    Closed,
    Reopened,
}
