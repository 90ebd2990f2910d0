using System.Globalization;
using System.Runtime.Serialization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using Nqba.Server.Platform.Errors;
using IcsCalendar = Ical.Net.Calendar;

namespace Nqba.Server.Platform.Company;

/// <summary>
/// Reads holidays from iCalendar text with Ical.Net: every VEVENT must be all-day (<c>DTSTART;VALUE=DATE</c>); recurring
/// ones (e.g. <c>RRULE:FREQ=YEARLY</c>) are expanded over the given years; an event spanning several days gives one
/// holiday per day; cancelled events are skipped.
/// </summary>
internal static class HolidayCalendarReader
{
    public const int MaxHolidays = 2000;
    private const int MaxDaysPerEvent = 31;

    /// <summary>The holidays in [first, last] (whole years), or a validation error naming what is wrong with the file.</summary>
    public static Result<List<(DateOnly Date, string Name)>> Read(string? ics, int firstYear, int lastYear)
    {
        if (string.IsNullOrWhiteSpace(ics))
        {
            return Error.Validation("file", "The file is empty: upload an iCalendar (.ics) file.");
        }

        IcsCalendar? calendar;
        try
        {
            calendar = IcsCalendar.Load(ics);
        }
        catch (Exception ex) when (ex is SerializationException or EvaluationException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            return Error.Validation("file", "Not a valid iCalendar file: " + ex.Message);
        }

        if (calendar is null || calendar.Events.Count == 0)
        {
            return Error.Validation("file", "The file holds no VEVENT: each holiday is an all-day event.");
        }

        foreach (var e in calendar.Events)
        {
            if (e.DtStart is null || e.DtStart.HasTime)
            {
                return Error.Validation("file", $"The event '{e.Summary}' ({e.DtStart?.ToString() ?? "no DTSTART"}) is not an all-day event; holidays are whole days (DTSTART;VALUE=DATE).");
            }
        }

        var holidays = new SortedDictionary<DateOnly, string>();
        var from = new DateOnly(firstYear, 1, 1);
        var until = new DateOnly(lastYear, 12, 31);
        try
        {
            foreach (var occurrence in calendar.GetOccurrences<CalendarEvent>(new CalDateTime(firstYear, 1, 1)).TakeWhileBefore(new CalDateTime(lastYear + 1, 1, 1)))
            {
                if (occurrence.Source is not CalendarEvent e || string.Equals(e.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = string.IsNullOrWhiteSpace(e.Summary) ? "Holiday" : e.Summary.Trim();
                if (name.Length > 200)
                {
                    name = name[..200];
                }

                var first = occurrence.Period.StartTime.Date;
                var end = occurrence.Period.EffectiveEndTime?.Date is { } stop && stop > first ? stop : first.AddDays(1);
                for (var day = first; day < end && day < first.AddDays(MaxDaysPerEvent); day = day.AddDays(1))
                {
                    if (day >= from && day <= until)
                    {
                        holidays.TryAdd(day, name);
                    }
                }

                if (holidays.Count > MaxHolidays)
                {
                    return Error.Validation("file", string.Create(CultureInfo.InvariantCulture, $"The file gives more than {MaxHolidays} holidays in {firstYear}–{lastYear}; import fewer years at once."));
                }
            }
        }
        catch (Exception ex) when (ex is EvaluationException or ArgumentException or InvalidOperationException or OverflowException)
        {
            return Error.Validation("file", "The file's recurrence rules cannot be evaluated: " + ex.Message);
        }

        if (holidays.Count == 0)
        {
            return Error.Validation("file", string.Create(CultureInfo.InvariantCulture, $"No holiday of the file falls in {firstYear}–{lastYear}."));
        }

        return holidays.Select(h => (h.Key, h.Value)).ToList();
    }
}
