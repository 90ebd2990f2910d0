namespace Nqba.Server.Modules.Scheduling.Availability;

internal sealed record OverrideDto(Guid Id, DateOnly Date, TimeOnly? Opens, TimeOnly? Closes, string? Note);
