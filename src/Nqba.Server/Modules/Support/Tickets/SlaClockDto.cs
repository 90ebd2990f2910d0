namespace Nqba.Server.Modules.Support.Tickets;

public sealed record SlaClockDto(DateTime? WarnAt, DateTime? DueAt);
