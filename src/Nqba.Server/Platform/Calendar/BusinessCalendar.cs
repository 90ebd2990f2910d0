using NodaTime;

namespace Nqba.Server.Platform.Calendar;

/// <summary>
/// Working time in one region's hours, holidays and time zone, DST-safe (NodaTime): every clock of the product
/// (lead response, SLAs, booking slots) measures business time through this.
/// </summary>
public sealed class BusinessCalendar
{
    // Search horizon for AddWorkingTime: a calendar with no working day in ten years is a configuration error.
    private const int MaxDays = 3660;

    private readonly DateTimeZone _zone;
    private readonly LocalTime _opens;
    private readonly LocalTime _closes;
    private readonly HashSet<IsoDayOfWeek> _days;
    private readonly HashSet<LocalDate> _holidays;

    /// <summary>Creates the calendar; throws <see cref="ArgumentException"/> for an unknown zone or empty hours.</summary>
    public BusinessCalendar(BusinessHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(hours.TimeZone)
            ?? throw new ArgumentException($"Unknown IANA time zone '{hours.TimeZone}'.", nameof(hours));
        if (hours.Closes <= hours.Opens)
        {
            throw new ArgumentException($"Closing time {hours.Closes} must be after opening time {hours.Opens}.", nameof(hours));
        }

        _opens = LocalTime.FromTicksSinceMidnight(hours.Opens.Ticks);
        _closes = LocalTime.FromTicksSinceMidnight(hours.Closes.Ticks);
        _days = [.. hours.WorkingDays.Select(d => (IsoDayOfWeek)d)];
        _holidays = [.. hours.Holidays.Select(d => new LocalDate(d.Year, d.Month, d.Day))];
    }

    /// <summary>True when <paramref name="at"/> falls within working hours.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var instant = Instant.FromDateTimeOffset(at);
        var date = instant.InZone(_zone).Date;
        return WorkingInterval(date) is { } day && day.Contains(instant);
    }

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
            if (WorkingInterval(date) is { } day)
            {
                var s = Instant.Max(day.Start, from);
                var e = Instant.Min(day.End, to);
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
            if (WorkingInterval(date) is not { } day || day.End <= from)
            {
                continue;
            }

            var s = Instant.Max(day.Start, from);
            var available = day.End - s;
            if (remaining <= available)
            {
                return (s + remaining).ToDateTimeOffset();
            }

            remaining -= available;
        }

        throw new InvalidOperationException("The calendar has no working time in ten years; check its working days.");
    }

    private Interval? WorkingInterval(LocalDate date)
    {
        if (!_days.Contains(date.DayOfWeek) || _holidays.Contains(date))
        {
            return null;
        }

        // Lenient mapping: an opening time skipped by a DST jump moves forward, an ambiguous one takes the earlier.
        var start = _zone.AtLeniently(date + _opens).ToInstant();
        var end = _zone.AtLeniently(date + _closes).ToInstant();
        return end > start ? new Interval(start, end) : null;
    }
}
