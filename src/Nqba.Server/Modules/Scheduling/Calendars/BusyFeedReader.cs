using System.Runtime.Serialization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Availability;
using Duration = NodaTime.Duration;

namespace Nqba.Server.Modules.Scheduling.Calendars;

/// <summary>
/// Reads busy time from iCalendar text with Ical.Net: recurring events (RRULE, RDATE, EXDATE), TZID zones and
/// all-day events are expanded into real-time intervals; cancelled and transparent ("free") events are ignored.
/// </summary>
internal static class BusyFeedReader
{
    /// <summary>Parses the text; null (with the reason) when it is not iCalendar.</summary>
    public static Calendar? TryLoad(string? ics, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(ics))
        {
            error = "The calendar is empty.";
            return null;
        }

        try
        {
            var calendar = Calendar.Load(ics);
            if (calendar is null)
            {
                error = "The text holds no VCALENDAR.";
            }

            return calendar;
        }
        catch (Exception ex) when (ex is SerializationException or EvaluationException or FormatException or ArgumentException or InvalidOperationException)
        {
            error = "Not a valid iCalendar file: " + ex.Message;
            return null;
        }
    }

    public static int CountEvents(string? ics) => TryLoad(ics, out _)?.Events.Count ?? 0;

    /// <summary>Busy intervals overlapping [from, to); a feed whose recurrences cannot be evaluated blocks nothing.</summary>
    public static List<BusyBlock> Busy(Calendar calendar, Instant from, Instant to)
    {
        try
        {
            return [.. Expand(calendar, from, to)];
        }
        catch (EvaluationException)
        {
            return [];
        }
    }

    private static IEnumerable<BusyBlock> Expand(Calendar calendar, Instant from, Instant to)
    {
        var start = new CalDateTime((from - Duration.FromDays(2)).ToDateTimeUtc(), CalDateTime.UtcTzId);
        var end = new CalDateTime(to.ToDateTimeUtc(), CalDateTime.UtcTzId);
        foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(start).TakeWhileBefore(end))
        {
            if (occurrence.Source is CalendarEvent e
                && (string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase) || string.Equals(e.Transparency, "TRANSPARENT", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var busyStart = Instant.FromDateTimeUtc(DateTime.SpecifyKind(occurrence.Period.StartTime.AsUtc, DateTimeKind.Utc));
            var busyEnd = Instant.FromDateTimeUtc(DateTime.SpecifyKind(occurrence.Period.EffectiveEndTime?.AsUtc ?? occurrence.Period.StartTime.AsUtc, DateTimeKind.Utc));
            if (busyEnd > from && busyStart < to && busyEnd > busyStart)
            {
                yield return new BusyBlock(busyStart, busyEnd);
            }
        }
    }
}
