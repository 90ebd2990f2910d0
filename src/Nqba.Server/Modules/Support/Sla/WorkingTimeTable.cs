using NodaTime;
using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// A business calendar's working intervals over a range of dates, precomputed once with a running sum of working time, so
/// that "working time between" and "add working time" are two binary searches instead of a loop over days. SLA
/// deadlines of every open ticket are recomputed through one table per calendar when a calendar changes.
/// Instants outside the table's range fall back to the <see cref="BusinessCalendar"/> itself.
/// </summary>
internal sealed class WorkingTimeTable : IWorkingTime
{
    private readonly long[] _starts;
    private readonly long[] _ends;

    // Working ticks before interval i, and up to the end of interval i.
    private readonly long[] _before;
    private readonly long[] _through;
    private readonly long _rangeStart;
    private readonly long _rangeEnd;
    private readonly CalendarWorkingTime _fallback;

    public WorkingTimeTable(BusinessHours hours, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var calendar = new BusinessCalendar(hours);
        _fallback = new CalendarWorkingTime(calendar);
        var zone = DateTimeZoneProviders.Tzdb[hours.TimeZone];
        var starts = new List<long>();
        var ends = new List<long>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            foreach (var (start, end) in calendar.IntervalsOn(date))
            {
                starts.Add(start.Ticks);
                ends.Add(end.Ticks);
            }
        }

        var first = LocalDate.FromDateOnly(from);
        var last = LocalDate.FromDateOnly(to);
        _starts = [.. starts];
        _ends = [.. ends];
        _before = new long[_starts.Length];
        _through = new long[_starts.Length];
        long sum = 0;
        for (var i = 0; i < _starts.Length; i++)
        {
            _before[i] = sum;
            sum += _ends[i] - _starts[i];
            _through[i] = sum;
        }

        _rangeStart = first.AtStartOfDayInZone(zone).ToDateTimeUtc().Ticks;
        _rangeEnd = last.PlusDays(1).AtStartOfDayInZone(zone).ToDateTimeUtc().Ticks;
    }

    /// <summary>A table from two years back to five years ahead of <paramref name="around"/>.</summary>
    public static WorkingTimeTable Around(BusinessHours hours, DateTime around)
    {
        var today = DateOnly.FromDateTime(around);
        return new WorkingTimeTable(hours, today.AddYears(-2), today.AddYears(5));
    }

    public TimeSpan Between(DateTime start, DateTime end)
    {
        if (end <= start)
        {
            return TimeSpan.Zero;
        }

        return InRange(start.Ticks) && InRange(end.Ticks)
            ? new TimeSpan(Cumulative(end.Ticks) - Cumulative(start.Ticks))
            : _fallback.Between(start, end);
    }

    public DateTime Add(DateTime start, TimeSpan duration)
    {
        if (!InRange(start.Ticks))
        {
            return _fallback.Add(start, duration);
        }

        var target = Cumulative(start.Ticks) + Math.Max(0, duration.Ticks);

        // The first interval whose running sum reaches the target holds the answer.
        var i = Array.BinarySearch(_through, target);
        if (i < 0)
        {
            i = ~i;
        }
        else
        {
            // Several intervals can end on the same sum only if one is empty, which the table never stores.
            while (i > 0 && _through[i - 1] == target)
            {
                i--;
            }
        }

        if (i >= _starts.Length)
        {
            return _fallback.Add(start, duration);
        }

        var at = _starts[i] + (target - _before[i]);
        return new DateTime(Math.Max(at, start.Ticks), DateTimeKind.Utc);
    }

    private bool InRange(long ticks) => ticks >= _rangeStart && ticks < _rangeEnd;

    /// <summary>Working ticks from the table's start up to <paramref name="ticks"/>.</summary>
    private long Cumulative(long ticks)
    {
        // The last interval starting at or before the instant.
        var i = Array.BinarySearch(_starts, ticks);
        if (i < 0)
        {
            i = ~i - 1;
        }

        if (i < 0)
        {
            return 0;
        }

        return _before[i] + Math.Min(ticks, _ends[i]) - _starts[i];
    }
}
