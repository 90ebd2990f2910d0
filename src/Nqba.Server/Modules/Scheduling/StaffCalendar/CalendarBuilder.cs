using Microsoft.EntityFrameworkCore;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Availability;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Scheduling.StaffCalendar;

/// <summary>
/// Lays out the staff calendar: specialists' meetings, working hours, holidays and time off over some days, each
/// converted from its own zone (the specialist's region) to the viewer's. Positions are wall-clock minutes of the
/// viewer's day, so the hour lines stay right on DST change days (a 23- or 25-hour day keeps 24 hour rows).
/// </summary>
internal sealed class CalendarBuilder(SchedulingDbContext db, AvailabilityService availability)
{
    private const int DayMinutes = 24 * 60;

    /// <summary>The calendar of <c>specialists</c> over <c>dates</c> in <c>zone</c>; with <c>lanePerSpecialist</c> one column per specialist (a unit's day) instead of one per day.</summary>
    public async Task<CalendarView> BuildAsync(
        CompanySnapshot company, IReadOnlyList<SpecialistInfo> specialists, IReadOnlyList<LocalDate> dates, DateTimeZone zone, bool lanePerSpecialist, CancellationToken cancellationToken)
    {
        var from = zone.AtStartOfDay(dates[0]).ToInstant();
        var to = zone.AtStartOfDay(dates[^1].PlusDays(1)).ToInstant();
        var fromUtc = from.ToDateTimeUtc();
        var toUtc = to.ToDateTimeUtc();
        var ids = specialists.Select(s => s.Id).ToList();

        // Client names are encrypted: materialize (which decrypts) before use.
        var bookings = await db.HostedBy(db.Bookings.AsNoTracking(), ids)
            .Where(b => b.Start < toUtc && b.End > fromUtc && b.Status != BookingStatus.Held)
            .OrderBy(b => b.Start).Take(2000)
            .ToListAsync(cancellationToken);
        var bookingIds = bookings.ConvertAll(b => b.Id);
        var coHosts = (await db.BookingHosts.AsNoTracking().Where(h => bookingIds.Contains(h.BookingId)).ToListAsync(cancellationToken))
            .ToLookup(h => h.BookingId, h => h.SpecialistId);
        var timeOff = await db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.SpecialistId) && t.Start < toUtc && t.End > fromUtc)
            .ToListAsync(cancellationToken);
        var typeNames = await db.MeetingTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Name, cancellationToken);

        var working = new Dictionary<Guid, List<Interval>>();
        var holidays = new Dictionary<Guid, List<Interval>>();
        foreach (var specialist in specialists)
        {
            working[specialist.Id] = [];
            holidays[specialist.Id] = [];
            if (company.Region(specialist.RegionCode) is not { } region)
            {
                continue;
            }

            var schedule = await availability.LoadScheduleAsync(specialist, region, from, to, null, cancellationToken);
            var withoutHolidays = schedule with { Holidays = new HashSet<LocalDate>() };
            for (var date = from.InZone(schedule.Zone).Date.PlusDays(-1); date <= to.InZone(schedule.Zone).Date; date = date.PlusDays(1))
            {
                working[specialist.Id].AddRange(schedule.IntervalsOn(date));
                if (schedule.Holidays.Contains(date) && !schedule.Overrides.ContainsKey(date))
                {
                    holidays[specialist.Id].AddRange(withoutHolidays.IntervalsOn(date));
                }
            }
        }

        var columns = new List<CalendarColumn>();
        foreach (var date in dates)
        {
            if (lanePerSpecialist)
            {
                columns.AddRange(specialists.Select(s => Column(date, [s], s)));
            }
            else
            {
                columns.Add(Column(date, specialists, null));
            }
        }

        var spans = columns.SelectMany(c => c.Hours.Concat(c.Bookings.Select(b => new CalendarBlock(b.FromMinute, b.ToMinute)))).ToList();
        var firstHour = spans.Count == 0 ? 8 : Math.Max(0, spans.Min(s => s.FromMinute) / 60);
        var lastHour = spans.Count == 0 ? 18 : Math.Min(24, (spans.Max(s => s.ToMinute) + 59) / 60);
        return new CalendarView(zone, columns, firstHour, Math.Max(lastHour, firstHour + 1));

        CalendarColumn Column(LocalDate date, IReadOnlyList<SpecialistInfo> who, SpecialistInfo? lane)
        {
            var start = zone.AtStartOfDay(date).ToInstant();
            var end = zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
            var several = who.Count > 1;
            var hours = Merge(who.SelectMany(s => working[s.Id]).Select(i => Place(i.Start, i.End)).OfType<CalendarBlock>());
            var off = who.SelectMany(s => holidays[s.Id].Select(i => Place(i.Start, i.End) is { } b ? b with { Holiday = true, Who = several ? s.DisplayName : null } : null)
                    .Concat(timeOff.Where(t => t.SpecialistId == s.Id).Select(t => Place(Utc(t.Start), Utc(t.End)) is { } b ? b with { Reason = t.Reason, Who = several ? s.DisplayName : null } : null)))
                .OfType<CalendarBlock>()
                .OrderBy(b => b.FromMinute)
                .ToList();
            var placed = new List<(Booking Booking, CalendarBlock At)>();
            foreach (var booking in bookings.Where(b => who.Any(s => s.Id == b.SpecialistId || coHosts[b.Id].Contains(s.Id))))
            {
                if (Place(Utc(booking.Start), Utc(booking.End)) is { } at)
                {
                    placed.Add((booking, at));
                }
            }

            // Overlapping meetings (several specialists at once) sit side by side: each takes the first free lane.
            var laneEnds = new List<int>();
            var lanes = new List<int>();
            foreach (var (_, at) in placed)
            {
                var free = laneEnds.FindIndex(e => e <= at.FromMinute);
                if (free < 0)
                {
                    free = laneEnds.Count;
                    laneEnds.Add(0);
                }

                laneEnds[free] = at.ToMinute;
                lanes.Add(free);
            }

            var entries = placed.Select((p, i) => new CalendarEntry(
                p.Booking.Id,
                typeNames.GetValueOrDefault(p.Booking.MeetingTypeCode, p.Booking.MeetingTypeCode),
                p.Booking.ClientName,
                who.FirstOrDefault(s => s.Id == p.Booking.SpecialistId || coHosts[p.Booking.Id].Contains(s.Id))?.DisplayName,
                p.Booking.Status,
                BookingService.ToOffset(p.Booking.Start, zone),
                BookingService.ToOffset(p.Booking.End, zone),
                p.Booking.VideoUrl,
                p.At.FromMinute,
                p.At.ToMinute,
                lanes[i],
                Math.Max(1, laneEnds.Count))).ToList();
            return new CalendarColumn(date, lane, hours, off, entries);

            CalendarBlock? Place(Instant a, Instant b)
            {
                if (b <= start || a >= end || b <= a)
                {
                    return null;
                }

                var top = Minute(a);
                var bottom = Minute(b);
                // Across a fall-back hour the wall clock runs back: keep at least the elapsed length.
                if (bottom <= top)
                {
                    bottom = Math.Min(DayMinutes, top + (int)(Instant.Min(b, end) - Instant.Max(a, start)).TotalMinutes);
                }

                return new CalendarBlock(top, bottom);
            }

            int Minute(Instant instant)
            {
                if (instant <= start)
                {
                    return 0;
                }

                if (instant >= end)
                {
                    return DayMinutes;
                }

                var local = instant.InZone(zone).TimeOfDay;
                return (local.Hour * 60) + local.Minute;
            }
        }
    }

    private static Instant Utc(DateTime value) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static List<CalendarBlock> Merge(IEnumerable<CalendarBlock> blocks)
    {
        var merged = new List<CalendarBlock>();
        foreach (var block in blocks.OrderBy(b => b.FromMinute))
        {
            if (merged.Count > 0 && block.FromMinute <= merged[^1].ToMinute)
            {
                merged[^1] = merged[^1] with { ToMinute = Math.Max(merged[^1].ToMinute, block.ToMinute) };
            }
            else
            {
                merged.Add(block);
            }
        }

        return merged;
    }
}
