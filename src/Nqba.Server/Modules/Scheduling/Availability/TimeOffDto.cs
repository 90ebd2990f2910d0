namespace Nqba.Server.Modules.Scheduling.Availability;

internal sealed record TimeOffDto(Guid Id, DateTimeOffset Start, DateTimeOffset End, string? Reason);
