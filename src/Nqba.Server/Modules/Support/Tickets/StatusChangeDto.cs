namespace Nqba.Server.Modules.Support.Tickets;

public sealed record StatusChangeDto(TicketStatus From, TicketStatus To, DateTime At, string By);
