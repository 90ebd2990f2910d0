namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A ticket with its whole conversation across channels, its status history and its SLA figures.</summary>
public sealed record TicketDetailDto(TicketDto Ticket, IReadOnlyList<MessageDto> Messages, IReadOnlyList<StatusChangeDto> History, TicketSlaStatistics Sla);
