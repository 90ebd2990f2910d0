using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// Everything that decides one specialist's free time: the zone their hours are read in, their weekly ranges (several
/// a day, a range may run past midnight), holidays, date overrides (an empty list = unavailable that date), busy
/// blocks (meetings, time off, external calendars) sorted by start, and the meetings booking limits count (those of
/// the weeks and months around the asked-for time).
/// </summary>
internal sealed record SpecialistSchedule(
    Guid SpecialistId,
    DateTimeZone Zone,
    IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<DayHours>> Week,
    IReadOnlySet<LocalDate> Holidays,
    IReadOnlyDictionary<LocalDate, IReadOnlyList<DayHours>> Overrides,
    IReadOnlyList<BusyBlock> Busy,
    IReadOnlyList<BookedMeeting> Booked)
{
    /// <summary>The same <paramref name="hours"/> on each of <paramref name="days"/>.</summary>
    public static Dictionary<IsoDayOfWeek, IReadOnlyList<DayHours>> Uniform(DayHours hours, IEnumerable<IsoDayOfWeek> days) =>
        days.Distinct().ToDictionary(d => d, _ => (IReadOnlyList<DayHours>)[hours]);

    /// <summary>Date overrides of one range each, or none (null) for a day off.</summary>
    public static Dictionary<LocalDate, IReadOnlyList<DayHours>> SingleRanges(IReadOnlyDictionary<LocalDate, DayHours?> overrides) =>
        overrides.ToDictionary(o => o.Key, o => o.Value is { } hours ? (IReadOnlyList<DayHours>)[hours] : []);

    /// <summary>The ranges that begin on <paramref name="date"/>: the override's, none on a holiday, else the weekday's.</summary>
    public IReadOnlyList<DayHours> HoursOn(LocalDate date)
    {
        if (Overrides.TryGetValue(date, out var overridden))
        {
            return overridden;
        }

        return !Holidays.Contains(date) && Week.TryGetValue(date.DayOfWeek, out var ranges) ? ranges : [];
    }

    /// <summary>
    /// The working intervals that begin on <paramref name="date"/>, in real time. DST is handled explicitly: an
    /// opening or closing time inside a spring-forward gap is shifted forward by the gap (02:30 becomes 03:30), one
    /// inside a fall-back overlap maps to its first occurrence, and slots are stepped in elapsed time between them (a
    /// fall-back night's 00:00–04:00 holds five hours, a spring-forward night's three), never at a skipped time. A
    /// range closing at or before its opening ends on the next date.
    /// </summary>
    public IEnumerable<Interval> IntervalsOn(LocalDate date)
    {
        foreach (var hours in HoursOn(date))
        {
            var start = Zone.AtLeniently(date + hours.Opens).ToInstant();
            var end = hours.Closes > hours.Opens
                ? Zone.AtLeniently(date + hours.Closes).ToInstant()
                : Zone.AtLeniently(date.PlusDays(1) + hours.Closes).ToInstant();
            if (end > start)
            {
                yield return new Interval(start, end);
            }
        }
    }

    /// <summary>
    /// The working time around [<paramref name="from"/>, <paramref name="to"/>) as disjoint intervals by start, ranges
    /// that touch joined into one (Monday 22:00–00:00 and Tuesday 00:00–02:00 are one window, as 22:00–02:00 is).
    /// </summary>
    public List<Interval> WorkingIntervals(Instant from, Instant to)
    {
        var all = new List<Interval>();
        for (var date = from.InZone(Zone).Date.PlusDays(-1); date <= to.InZone(Zone).Date; date = date.PlusDays(1))
        {
            all.AddRange(IntervalsOn(date));
        }

        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<Interval>(all.Count);
        foreach (var interval in all)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = new Interval(merged[^1].Start, Instant.Max(merged[^1].End, interval.End));
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    /// <summary>True when one more meeting under <paramref name="rules"/> on <paramref name="date"/> (their zone) stays within the type's limits.</summary>
    public bool Allows(LocalDate date, SlotRules rules) => rules.Limits.Allow(Booked, rules.TypeCode, date, rules.Length);
}
