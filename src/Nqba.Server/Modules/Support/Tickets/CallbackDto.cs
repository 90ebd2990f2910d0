namespace Nqba.Server.Modules.Support.Tickets;

public sealed record CallbackDto(Guid Id, Guid TicketId, DateTime DueAt, string Note, Guid? AssigneeId, DateTime? DoneAt);
