using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Nqba.Server.Modules.Monitoring.Maintenance;

/// <summary>
/// Turns a window's local start, zone and recurrence into UTC occurrences (NodaTime, so daylight-saving
/// changes keep the local wall-clock time).
/// </summary>
internal static class MaintenanceSchedule
{
    private static readonly LocalDateTimePattern StartPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    public static bool TryParseStart(string text, out LocalDateTime start)
    {
        var result = StartPattern.Parse(text);
        start = result.Success ? result.Value : default;
        return result.Success;
    }

    public static bool TryParseDate(string text, out LocalDate date)
    {
        var result = DatePattern.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    public static string FormatStart(LocalDateTime start) => StartPattern.Format(start);

    public static DateTimeZone? Zone(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    /// <summary>The occurrence (UTC start, end) that contains <paramref name="at"/>, if any.</summary>
    public static (DateTime Start, DateTime End)? ActiveAt(MaintenanceWindow window, DateTime at) =>
        Occurrences(window, at.AddDays(-8), at.AddDays(1)).Cast<(DateTime Start, DateTime End)?>()
            .FirstOrDefault(o => o!.Value.Start <= at && at < o.Value.End);

    /// <summary>Occurrences starting in [<paramref name="from"/>, <paramref name="to"/>) (UTC), in order.</summary>
    public static IEnumerable<(DateTime Start, DateTime End)> Occurrences(MaintenanceWindow window, DateTime from, DateTime to)
    {
        if (!TryParseStart(window.LocalStart, out var start) || Zone(window.TimeZone) is not { } zone)
        {
            yield break;
        }

        var duration = TimeSpan.FromMinutes(window.DurationMinutes);
        if (window.Recurrence == MaintenanceRecurrence.None)
        {
            var utc = zone.AtLeniently(start).ToDateTimeUtc();
            if (utc + duration > from && utc < to)
            {
                yield return (utc, utc + duration);
            }

            yield break;
        }

        LocalDate? until = window.RecursUntil is { } u && TryParseDate(u, out var parsed) ? parsed : null;
        var step = window.Recurrence == MaintenanceRecurrence.Daily ? Period.FromDays(1) : Period.FromWeeks(1);
        var firstLocal = Instant.FromDateTimeUtc(DateTime.SpecifyKind(from, DateTimeKind.Utc)).InZone(zone).Date.PlusDays(-8);
        var date = start.Date;
        if (date < firstLocal)
        {
            var days = Period.Between(date, firstLocal, PeriodUnits.Days).Days;
            var stepDays = window.Recurrence == MaintenanceRecurrence.Daily ? 1 : 7;
            date = date.PlusDays(days / stepDays * stepDays);
        }

        for (var i = 0; i < 4000; i++, date = date.Plus(step))
        {
            if (until is { } last && date > last)
            {
                yield break;
            }

            var utc = zone.AtLeniently(date + start.TimeOfDay).ToDateTimeUtc();
            if (utc >= to)
            {
                yield break;
            }

            if (utc + duration > from)
            {
                yield return (utc, utc + duration);
            }
        }
    }

    public static string Describe(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
