namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>A held slot: pass <see cref="HoldToken"/> with the booking before <see cref="ExpiresAt"/>.</summary>
internal sealed record HoldDto(Guid Id, string HoldToken, Guid SpecialistId, string MeetingType, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset ExpiresAt);
