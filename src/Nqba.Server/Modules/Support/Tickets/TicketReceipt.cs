namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>What the public web form answers: the ticket number to quote, nothing else.</summary>
public sealed record TicketReceipt(long Number);
