using NodaTime;

namespace Nqba.Server.Platform.Calendar;

/// <summary>
/// Working time in one calendar's weekly intervals, holidays and time zone, DST-safe (NodaTime): every clock of the
/// product (lead response, SLAs, booking slots) measures business time through this.
/// </summary>
public sealed class BusinessCalendar
{
    // Search horizon for AddWorkingTime: a calendar with no working day in ten years is a configuration error.
    private const int MaxDays = 3660;

    private readonly DateTimeZone _zone;
    private readonly Dictionary<IsoDayOfWeek, (LocalTime Opens, LocalTime Closes)[]> _week;
    private readonly HashSet<LocalDate> _holidays;
    private readonly HashSet<(int Month, int Day)> _yearly;

    /// <summary>Creates the calendar; throws <see cref="ArgumentException"/> for an unknown zone or an empty interval.</summary>
    public BusinessCalendar(BusinessHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(hours.TimeZone)
            ?? throw new ArgumentException($"Unknown IANA time zone '{hours.TimeZone}'.", nameof(hours));
        foreach (var w in hours.Week)
        {
            if (w.Closes <= w.Opens)
            {
                throw new ArgumentException($"Closing time {w.Closes} must be after opening time {w.Opens}.", nameof(hours));
            }
        }

        _week = hours.Week.GroupBy(w => (IsoDayOfWeek)w.Day).ToDictionary(
            g => g.Key,
            g => g.OrderBy(w => w.Opens).Select(w => (LocalTime.FromTicksSinceMidnight(w.Opens.Ticks), LocalTime.FromTicksSinceMidnight(w.Closes.Ticks))).ToArray());
        foreach (var (day, ranges) in _week)
        {
            for (var i = 1; i < ranges.Length; i++)
            {
                if (ranges[i].Opens < ranges[i - 1].Closes)
                {
                    throw new ArgumentException($"Working intervals on day {(int)day} overlap.", nameof(hours));
                }
            }
        }

        _holidays = [.. hours.Holidays.Select(d => new LocalDate(d.Year, d.Month, d.Day))];
        _yearly = [.. hours.YearlyHolidays.Select(a => (a.Month, a.Day))];
    }

    /// <summary>True when <paramref name="date"/> is an active holiday, one-off or yearly.</summary>
    public bool IsHoliday(DateOnly date) =>
        _holidays.Contains(LocalDate.FromDateOnly(date)) || _yearly.Contains((date.Month, date.Day));

    /// <summary>True when <paramref name="at"/> falls within working hours.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var instant = Instant.FromDateTimeOffset(at);
        var date = instant.InZone(_zone).Date;
        foreach (var interval in WorkingIntervals(date))
        {
            if (interval.Contains(instant))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The working intervals of one local date in UTC, in order (none on a day off or holiday).</summary>
    public IReadOnlyList<(DateTime Start, DateTime End)> IntervalsOn(DateOnly date) =>
        [.. WorkingIntervals(LocalDate.FromDateOnly(date)).Select(i => (i.Start.ToDateTimeUtc(), i.End.ToDateTimeUtc()))];

    /// <summary>Working time between two instants (zero when <paramref name="end"/> is not after <paramref name="start"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset end)
    {
        var from = Instant.FromDateTimeOffset(start);
        var to = Instant.FromDateTimeOffset(end);
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = Duration.Zero;
        for (var date = from.InZone(_zone).Date; date <= to.InZone(_zone).Date; date = date.PlusDays(1))
        {
            foreach (var interval in WorkingIntervals(date))
            {
                var s = Instant.Max(interval.Start, from);
                var e = Instant.Min(interval.End, to);
                if (e > s)
                {
                    total += e - s;
                }
            }
        }

        return total.ToTimeSpan();
    }

    /// <summary>The instant at which <paramref name="duration"/> of working time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        var from = Instant.FromDateTimeOffset(start);
        var remaining = Duration.FromTimeSpan(duration);
        var date = from.InZone(_zone).Date;
        for (var i = 0; i < MaxDays; i++, date = date.PlusDays(1))
        {
            foreach (var interval in WorkingIntervals(date))
            {
                if (interval.End <= from)
                {
                    continue;
                }

                var s = Instant.Max(interval.Start, from);
                var available = interval.End - s;
                if (remaining <= available)
                {
                    return (s + remaining).ToDateTimeOffset();
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException("The calendar has no working time in ten years; check its working days.");
    }

    private IEnumerable<Interval> WorkingIntervals(LocalDate date)
    {
        if (!_week.TryGetValue(date.DayOfWeek, out var ranges) || _holidays.Contains(date) || _yearly.Contains((date.Month, date.Day)))
        {
            yield break;
        }

        foreach (var (opens, closes) in ranges)
        {
            // Lenient mapping: a time skipped by a DST jump moves forward, an ambiguous one takes the earlier.
            var start = _zone.AtLeniently(date + opens).ToInstant();
            var end = _zone.AtLeniently(date + closes).ToInstant();
            if (end > start)
            {
                yield return new Interval(start, end);
            }
        }
    }
}
