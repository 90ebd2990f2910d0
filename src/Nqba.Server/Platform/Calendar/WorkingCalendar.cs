namespace Nqba.Server.Platform.Calendar;

/// <summary>
/// A business calendar as data: a time zone, working intervals per weekday and holidays. Regions point at one; support
/// teams and SLA policies may name one; every business-time clock measures through the calendar it follows.
/// </summary>
internal sealed class WorkingCalendar
{
    public Guid Id { get; set; }

    /// <summary>Stable name other settings refer to, e.g. <c>europe</c> or <c>support-emea</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA time zone id, e.g. <c>Europe/Berlin</c>.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Counts saved changes (optimistic concurrency: an edit names the version it read).</summary>
    public int Version { get; set; }

    public List<WorkingCalendarInterval> Intervals { get; set; } = [];

    public List<CalendarHoliday> Holidays { get; set; } = [];

    public BusinessHours ToHours() => new(
        TimeZone,
        [.. Intervals.OrderBy(i => i.Day).ThenBy(i => i.Opens).Select(i => new WeeklyHours(i.Day, i.Opens, i.Closes))],
        [.. Holidays.Where(h => !h.Inactive && !h.Yearly).Select(h => h.Date)],
        [.. Holidays.Where(h => !h.Inactive && h.Yearly).Select(h => new AnnualDate(h.Date.Month, h.Date.Day)).Distinct()]);
}
