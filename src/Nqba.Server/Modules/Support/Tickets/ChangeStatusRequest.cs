namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>The status a ticket should move to.</summary>
public sealed record ChangeStatusRequest(TicketStatus Status);
