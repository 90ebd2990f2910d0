namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>The slots of a query, in <see cref="TimeZone"/>.</summary>
internal sealed record SlotsResponse(string TimeZone, string MeetingType, int DurationMinutes, IReadOnlyList<SlotDto> Slots);
