using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// One local working range; <see cref="Closes"/> at or before <see cref="Opens"/> ends on the next day (00:00 =
/// until midnight, 02:00 after 22:00 = past midnight).
/// </summary>
internal readonly record struct DayHours(LocalTime Opens, LocalTime Closes)
{
    /// <summary>A stored range; a calendar's "until midnight" (23:59:59.9999999) becomes 00:00.</summary>
    public static DayHours From(TimeOnly opens, TimeOnly closes) => new(
        LocalTime.FromTicksSinceMidnight(opens.Ticks),
        closes == TimeOnly.MaxValue ? LocalTime.Midnight : LocalTime.FromTicksSinceMidnight(closes.Ticks));
}
