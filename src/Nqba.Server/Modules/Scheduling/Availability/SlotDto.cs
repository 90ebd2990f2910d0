namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>A bookable time, shown in the client's zone (the offset says which), and who is free then.</summary>
internal sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> SpecialistIds);
