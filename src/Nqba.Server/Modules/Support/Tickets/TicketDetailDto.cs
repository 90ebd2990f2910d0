namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A ticket with its whole conversation across channels, and its status history.</summary>
public sealed record TicketDetailDto(TicketDto Ticket, IReadOnlyList<MessageDto> Messages, IReadOnlyList<StatusChangeDto> History);
