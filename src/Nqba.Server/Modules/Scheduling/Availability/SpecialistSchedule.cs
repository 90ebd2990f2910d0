using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// Everything that decides one specialist's free time: their region's zone, weekly hours and holidays, their date
/// overrides (null hours = day off), and busy blocks (meetings, time off, external calendars) sorted by start.
/// </summary>
internal sealed record SpecialistSchedule(
    Guid SpecialistId,
    DateTimeZone Zone,
    DayHours WeeklyHours,
    IReadOnlySet<IsoDayOfWeek> WorkingDays,
    IReadOnlySet<LocalDate> Holidays,
    IReadOnlyDictionary<LocalDate, DayHours?> Overrides,
    IReadOnlyList<BusyBlock> Busy,
    IReadOnlyDictionary<LocalDate, int> MeetingsPerDay)
{
    /// <summary>The hours worked on <paramref name="date"/>, or null on a day off.</summary>
    public DayHours? HoursOn(LocalDate date)
    {
        if (Overrides.TryGetValue(date, out var overridden))
        {
            return overridden;
        }

        return WorkingDays.Contains(date.DayOfWeek) && !Holidays.Contains(date) ? WeeklyHours : null;
    }

    /// <summary>
    /// The working interval of <paramref name="date"/> in real time. DST is handled explicitly: an opening or
    /// closing time inside a spring-forward gap is shifted forward by the gap (02:30 becomes 03:30), one inside a
    /// fall-back overlap maps to its first occurrence, and slots are stepped in elapsed time between them (a
    /// fall-back night's 00:00–04:00 holds five hours, a spring-forward night's three), never at a skipped time.
    /// </summary>
    public Interval? WorkingInterval(LocalDate date)
    {
        if (HoursOn(date) is not { } hours)
        {
            return null;
        }

        var start = Zone.AtLeniently(date + hours.Opens).ToInstant();
        var end = hours.Closes > hours.Opens
            ? Zone.AtLeniently(date + hours.Closes).ToInstant()
            : Zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
        return end > start ? new Interval(start, end) : null;
    }
}
