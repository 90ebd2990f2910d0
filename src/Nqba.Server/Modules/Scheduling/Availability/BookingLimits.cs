using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// A meeting type's booking limits per specialist, as Cal.com's "limit booking frequency" and "limit total booking
/// duration": at most so many meetings, and so many booked minutes, of the type per day, ISO week (Monday to Sunday)
/// and calendar month of the specialist's zone. Null: no limit.
/// </summary>
internal sealed record BookingLimits(int? PerDay = null, int? PerWeek = null, int? PerMonth = null, int? MinutesPerDay = null, int? MinutesPerWeek = null, int? MinutesPerMonth = null)
{
    public static readonly BookingLimits None = new();

    public bool Any => PerDay is not null || PerWeek is not null || PerMonth is not null || MinutesPerDay is not null || MinutesPerWeek is not null || MinutesPerMonth is not null;

    /// <summary>
    /// True when one more meeting of <paramref name="typeCode"/> lasting <paramref name="length"/> on
    /// <paramref name="date"/> stays within every limit, counting <paramref name="booked"/> (the specialist's meetings).
    /// </summary>
    public bool Allow(IEnumerable<BookedMeeting> booked, string typeCode, LocalDate date, Duration length)
    {
        if (!Any)
        {
            return true;
        }

        // Ranges, not per-meeting week and month arithmetic: this runs for every day a slot query offers.
        var weekly = PerWeek is not null || MinutesPerWeek is not null;
        var monthly = PerMonth is not null || MinutesPerMonth is not null;
        var weekStart = Monday(date);
        var weekEnd = weekStart.PlusDays(7);
        var monthStart = new LocalDate(date.Year, date.Month, 1);
        var monthEnd = monthStart.PlusMonths(1);
        int day = 0, weekCount = 0, month = 0;
        long dayMinutes = 0, weekMinutes = 0, monthMinutes = 0;
        foreach (var meeting in booked)
        {
            if (!string.Equals(meeting.TypeCode, typeCode, StringComparison.Ordinal))
            {
                continue;
            }

            if (meeting.Date == date)
            {
                day++;
                dayMinutes += meeting.Minutes;
            }

            if (weekly && meeting.Date >= weekStart && meeting.Date < weekEnd)
            {
                weekCount++;
                weekMinutes += meeting.Minutes;
            }

            if (monthly && meeting.Date >= monthStart && meeting.Date < monthEnd)
            {
                month++;
                monthMinutes += meeting.Minutes;
            }
        }

        var minutes = (long)length.TotalMinutes;
        return Within(day + 1, PerDay) && Within(weekCount + 1, PerWeek) && Within(month + 1, PerMonth)
            && Within(dayMinutes + minutes, MinutesPerDay) && Within(weekMinutes + minutes, MinutesPerWeek) && Within(monthMinutes + minutes, MinutesPerMonth);
    }

    /// <summary>The first and last date whose meetings count toward a limit on <paramref name="date"/> (its month and week).</summary>
    public static (LocalDate First, LocalDate Last) Span(LocalDate date)
    {
        var monthStart = new LocalDate(date.Year, date.Month, 1);
        var first = LocalDate.Min(monthStart, Monday(date));
        var last = LocalDate.Max(monthStart.PlusMonths(1).PlusDays(-1), Monday(date).PlusDays(6));
        return (first, last);
    }

    private static LocalDate Monday(LocalDate date) => date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    private static bool Within(long value, int? limit) => limit is not { } max || value <= max;
}

/// <summary>A booked (or held) meeting as the limits count it: its type, local date in the specialist's zone, and length.</summary>
internal readonly record struct BookedMeeting(string TypeCode, LocalDate Date, int Minutes);
