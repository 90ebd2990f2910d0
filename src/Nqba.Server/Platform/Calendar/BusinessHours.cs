namespace Nqba.Server.Platform.Calendar;

/// <summary>
/// A business calendar's working time: IANA time zone, working intervals per weekday (several a day; the gaps
/// between them are breaks), one-off holidays and holidays that recur every year. Only active holidays belong here.
/// </summary>
/// <param name="TimeZone">IANA id, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="Week">Working intervals; a day without one is a day off.</param>
/// <param name="Holidays">Local dates the calendar is closed.</param>
/// <param name="YearlyHolidays">Month and day closed every year (29 February only in leap years).</param>
public sealed record BusinessHours(string TimeZone, IReadOnlyList<WeeklyHours> Week, IReadOnlyCollection<DateOnly> Holidays, IReadOnlyCollection<AnnualDate> YearlyHolidays)
{
    /// <summary>The same hours on each of <paramref name="workingDays"/> (ISO numbers, 1 = Monday … 7 = Sunday).</summary>
    public static BusinessHours Uniform(string timeZone, TimeOnly opens, TimeOnly closes, IEnumerable<int> workingDays, IReadOnlyCollection<DateOnly> holidays) =>
        new(timeZone, [.. workingDays.Distinct().Order().Select(d => new WeeklyHours(d, opens, closes))], holidays, []);

    /// <summary>ISO numbers of the days with working time.</summary>
    public IReadOnlyCollection<int> WorkingDays => [.. Week.Select(w => w.Day).Distinct().Order()];

    /// <summary>Working time in an ordinary week (no holidays).</summary>
    public TimeSpan WeeklyTotal => Week.Aggregate(TimeSpan.Zero, (sum, w) => sum + (w.Closes - w.Opens));
}
