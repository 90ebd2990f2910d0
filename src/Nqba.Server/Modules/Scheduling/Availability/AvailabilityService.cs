using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Calendars;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Calendar;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using CultureInfo = System.Globalization.CultureInfo;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// Loads a specialist's schedule (their default availability schedule or their region's calendar, holidays, overrides,
/// time off, bookings, calendar feeds) and computes their free slots.
/// </summary>
internal sealed class AvailabilityService(SchedulingDbContext db, ICompanyDirectory directory, BusyFeedCache feedCache, IOptions<SchedulingOptions> options, TimeProvider time)
{
    public Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    public Task<CompanySnapshot> CompanyAsync(CancellationToken cancellationToken) => directory.GetAsync(cancellationToken);

    /// <summary>Validates the query parameters; every failure names its field.</summary>
    public async Task<Result<SlotQuery>> ParseQueryAsync(string? type, string? from, string? to, string? timeZone, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string[]>();
        var zone = string.IsNullOrWhiteSpace(timeZone) ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone.Trim());
        if (zone is null)
        {
            fields["timeZone"] = [$"'{timeZone}' is not an IANA time zone (e.g. Europe/Berlin)."];
        }

        var start = ParseBound(from, "from", zone, end: false, fields);
        var end = ParseBound(to, "to", zone, end: true, fields);
        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                fields["to"] = ["'to' must be after 'from'."];
            }
            else if (e - s > Duration.FromDays(options.Value.MaxQueryDays) + Duration.FromHours(2))
            {
                // Whole days of the booker's zone: the two hours leave room for the days a clock change lengthens.
                fields["to"] = [$"At most {options.Value.MaxQueryDays} days can be asked for at once."];
            }
        }

        MeetingType? meetingType = null;
        if (string.IsNullOrWhiteSpace(type))
        {
            fields["type"] = ["The meeting type is required (e.g. discovery-30)."];
        }
        else
        {
            meetingType = await FindTypeAsync(type, cancellationToken);
            if (meetingType is null)
            {
                fields["type"] = [$"Unknown meeting type '{type}'."];
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        return new SlotQuery(meetingType!, start!.Value, end!.Value, zone!);
    }

    public Task<MeetingType?> FindTypeAsync(string code, CancellationToken cancellationToken) =>
        db.MeetingTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code.Trim() && t.Active, cancellationToken);

    /// <summary>Free slots of several specialists, merged by start time (a unit's or a lead's page).</summary>
    public async Task<SlotsResponse> SlotsAsync(CompanySnapshot company, IReadOnlyList<SpecialistInfo> specialists, SlotQuery query, CancellationToken cancellationToken)
    {
        var rules = SlotRules.From(query.Type);
        var now = Now;
        var merged = new SortedDictionary<Instant, (Instant End, List<Guid> Who)>();
        var located = specialists.Where(s => company.Region(s.RegionCode) is not null).Select(s => (s, company.Region(s.RegionCode)!)).ToList();
        foreach (var schedule in await LoadSchedulesAsync(located, query.From, query.To, null, query.Type.ScheduleName, cancellationToken))
        {
            foreach (var slot in SlotCalculator.Compute(schedule, rules, query.From, query.To, now, query.ClientZone))
            {
                if (!merged.TryGetValue(slot.Start, out var entry))
                {
                    entry = (slot.End, []);
                    merged[slot.Start] = entry;
                }

                entry.Who.Add(schedule.SpecialistId);
            }
        }

        if (query.Type.Assignment == HostAssignment.Collective && located.Count > 1)
        {
            // A collective meeting needs every host: only the times all of them have free.
            foreach (var start in merged.Where(m => m.Value.Who.Count < located.Count).Select(m => m.Key).ToList())
            {
                merged.Remove(start);
            }
        }

        var slots = merged.Select(m => new SlotDto(
            m.Key.InZone(query.ClientZone).ToDateTimeOffset(),
            m.Value.End.InZone(query.ClientZone).ToDateTimeOffset(),
            m.Value.Who)).ToList();
        return new SlotsResponse(query.ClientZone.Id, query.Type.Code, query.Type.DurationMinutes, slots);
    }

    /// <summary>True when a meeting of <paramref name="type"/> may start at <paramref name="start"/> with the specialist now.</summary>
    public Task<bool> IsFreeAsync(RegionInfo region, SpecialistInfo specialist, MeetingType type, Instant start, Guid? ignoreBooking, CancellationToken cancellationToken) =>
        IsFreeAsync(region, specialist, SlotRules.From(type), type.ScheduleName, start, ignoreBooking, cancellationToken);

    /// <summary>True when a meeting under <paramref name="rules"/> may start at <paramref name="start"/> with the specialist now, following their schedule named <paramref name="scheduleName"/>.</summary>
    public async Task<bool> IsFreeAsync(RegionInfo region, SpecialistInfo specialist, SlotRules rules, string? scheduleName, Instant start, Guid? ignoreBooking, CancellationToken cancellationToken)
    {
        var schedule = (await LoadSchedulesAsync([(specialist, region)], start, start + rules.Length, ignoreBooking, scheduleName, cancellationToken))[0];
        return SlotCalculator.IsFree(schedule, rules, start, Now);
    }

    /// <summary>Reads the schedule around [from, to) (a day either side and the largest buffer) from the database, with the specialist's default availability.</summary>
    public async Task<SpecialistSchedule> LoadScheduleAsync(SpecialistInfo specialist, RegionInfo region, Instant from, Instant to, Guid? ignoreBooking, CancellationToken cancellationToken) =>
        (await LoadSchedulesAsync([(specialist, region)], from, to, ignoreBooking, null, cancellationToken))[0];

    /// <summary>
    /// Reads several specialists' schedules around [from, to) with one query per table (not one per specialist),
    /// in the order given. Each follows their availability schedule named <paramref name="scheduleName"/> (a meeting
    /// type's choice) where they have one, else their default one, else their region's business calendar. Pending
    /// bookings take time only when their type says they block.
    /// </summary>
    public async Task<List<SpecialistSchedule>> LoadSchedulesAsync(IReadOnlyList<(SpecialistInfo Specialist, RegionInfo Region)> specialists, Instant from, Instant to, Guid? ignoreBooking, string? scheduleName, CancellationToken cancellationToken)
    {
        var ids = specialists.Select(s => s.Specialist.Id).Distinct().ToList();
        var windowStart = (from - Duration.FromDays(2)).ToDateTimeUtc();
        var windowEnd = (to + Duration.FromDays(2)).ToDateTimeUtc();
        // Booking limits count the meetings of the whole weeks and months around the time asked for.
        var countFrom = BookingLimits.Span(from.InUtc().Date.PlusDays(-2)).First.AtStartOfDayInZone(DateTimeZone.Utc).ToDateTimeUtc();
        var countTo = BookingLimits.Span(to.InUtc().Date.PlusDays(2)).Last.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToDateTimeUtc();
        var now = time.GetUtcNow().UtcDateTime;
        var taking = db.Bookings.AsNoTracking()
            .Where(b => b.End > countFrom && b.Start < countTo
                && (b.Status == BookingStatus.Booked
                    || (b.Status == BookingStatus.Held && b.HoldExpiresAt > now)
                    || (b.Status == BookingStatus.Pending && db.MeetingTypes.Any(t => t.Code == b.MeetingTypeCode && t.PendingBlocks))));
        // A specialist's own meetings, and the collective ones they co-host.
        var bookings = (await taking.Where(b => ids.Contains(b.SpecialistId))
                .Select(b => new { b.Id, b.SpecialistId, b.MeetingTypeCode, b.Start, b.End, b.BeforeBufferMinutes, b.AfterBufferMinutes })
                .Concat(db.BookingHosts.Where(h => ids.Contains(h.SpecialistId))
                    .Join(taking, h => h.BookingId, b => b.Id, (h, b) => new { b.Id, h.SpecialistId, b.MeetingTypeCode, b.Start, b.End, b.BeforeBufferMinutes, b.AfterBufferMinutes }))
                .ToListAsync(cancellationToken)).ToLookup(b => b.SpecialistId);
        var timeOff = (await db.TimeOff.AsNoTracking()
            .Where(t => ids.Contains(t.SpecialistId) && t.End > windowStart && t.Start < windowEnd)
            .Select(t => new { t.SpecialistId, t.Start, t.End })
            .ToListAsync(cancellationToken)).ToLookup(t => t.SpecialistId);
        var firstDate = DateOnly.FromDateTime(windowStart);
        var lastDate = DateOnly.FromDateTime(windowEnd);
        var overrides = (await db.Overrides.AsNoTracking().Include(o => o.Ranges)
            .Where(o => ids.Contains(o.SpecialistId) && o.Date >= firstDate && o.Date <= lastDate)
            .ToListAsync(cancellationToken)).ToLookup(o => o.SpecialistId);
        var own = (await db.Schedules.AsNoTracking().Include(s => s.Ranges)
            .Where(s => ids.Contains(s.SpecialistId) && (s.IsDefault || (scheduleName != null && s.Name == scheduleName)))
            .ToListAsync(cancellationToken))
            .GroupBy(s => s.SpecialistId)
            .ToDictionary(g => g.Key, g => g.FirstOrDefault(s => s.Name == scheduleName) ?? g.First(s => s.IsDefault));
        var feeds = (await db.ExternalCalendars.AsNoTracking()
            .Where(c => ids.Contains(c.SpecialistId) && c.Content != null)
            .Select(c => new { c.SpecialistId, c.Content })
            .ToListAsync(cancellationToken)).ToLookup(c => c.SpecialistId, c => c.Content);

        var calendars = specialists.Select(s => s.Region).DistinctBy(r => r.Code).ToDictionary(r => r.Code, r => new BusinessCalendar(r.Hours));
        var schedules = new List<SpecialistSchedule>(specialists.Count);
        foreach (var (specialist, region) in specialists)
        {
            // Their own default schedule in their own zone, else the business calendar of their region.
            var ownSchedule = own.GetValueOrDefault(specialist.Id);
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(ownSchedule?.TimeZone ?? region.Hours.TimeZone) ?? DateTimeZone.Utc;
            var week = ownSchedule is null
                ? Week(region.Hours.Week.Select(w => (w.Day, w.Opens, w.Closes)))
                : Week(ownSchedule.Ranges.Select(r => (r.Day, r.Opens, r.Closes)));
            var busy = new List<BusyBlock>();
            var booked = new List<BookedMeeting>();
            foreach (var b in bookings[specialist.Id].Where(b => b.Id != ignoreBooking))
            {
                var start = Instant.FromDateTimeUtc(DateTime.SpecifyKind(b.Start, DateTimeKind.Utc));
                var end = Instant.FromDateTimeUtc(DateTime.SpecifyKind(b.End, DateTimeKind.Utc));
                if (b.End > windowStart && b.Start < windowEnd)
                {
                    busy.Add(new BusyBlock(start, end, Duration.FromMinutes(b.BeforeBufferMinutes), Duration.FromMinutes(b.AfterBufferMinutes)));
                }

                booked.Add(new BookedMeeting(b.MeetingTypeCode, start.InZone(zone).Date, (int)(end - start).TotalMinutes));
            }

            busy.AddRange(timeOff[specialist.Id].Select(t => new BusyBlock(
                Instant.FromDateTimeUtc(DateTime.SpecifyKind(t.Start, DateTimeKind.Utc)),
                Instant.FromDateTimeUtc(DateTime.SpecifyKind(t.End, DateTimeKind.Utc)))));
            if (specialist.AbsentUntil is { } absentUntil && absentUntil > from.ToDateTimeUtc())
            {
                // Away (ill, on leave) as the company roster says: no slots before they are back.
                busy.Add(new BusyBlock(from - Duration.FromDays(1), Instant.FromDateTimeUtc(DateTime.SpecifyKind(absentUntil, DateTimeKind.Utc))));
            }

            foreach (var feed in feeds[specialist.Id])
            {
                busy.AddRange(feedCache.Busy(feed!, from - Duration.FromDays(1), to + Duration.FromDays(1)));
            }

            busy.Sort((a, b) => a.Start.CompareTo(b.Start));
            schedules.Add(new SpecialistSchedule(
                specialist.Id,
                zone,
                week,
                Holidays(calendars.GetValueOrDefault(region.Code), from, to),
                overrides[specialist.Id].ToDictionary(
                    o => LocalDate.FromDateOnly(o.Date),
                    o => (IReadOnlyList<DayHours>)[.. o.Ranges.OrderBy(r => r.Opens).Select(r => DayHours.From(r.Opens, r.Closes))]),
                busy,
                booked));
        }

        return schedules;
    }

    /// <summary>Weekly ranges by ISO weekday, each day's in order of opening.</summary>
    private static Dictionary<IsoDayOfWeek, IReadOnlyList<DayHours>> Week(IEnumerable<(int Day, TimeOnly Opens, TimeOnly Closes)> ranges) =>
        ranges.GroupBy(r => (IsoDayOfWeek)r.Day).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<DayHours>)[.. g.OrderBy(r => r.Opens).Select(r => DayHours.From(r.Opens, r.Closes))]);

    /// <summary>The dates around [from, to) that are holidays of the region's calendar (one-off and yearly, active ones).</summary>
    private static HashSet<LocalDate> Holidays(BusinessCalendar? calendar, Instant from, Instant to)
    {
        var dates = new HashSet<LocalDate>();
        if (calendar is null)
        {
            return dates;
        }

        for (var date = from.InUtc().Date.PlusDays(-3); date <= to.InUtc().Date.PlusDays(3); date = date.PlusDays(1))
        {
            if (calendar.IsHoliday(date.ToDateOnly()))
            {
                dates.Add(date);
            }
        }

        return dates;
    }

    /// <summary>
    /// A bound of the query: a date (yyyy-MM-dd: from its start, or to its end, in the booker's zone) or an instant
    /// with its offset (2026-12-07T09:00:00+01:00 or …Z; a '+' that arrived as a space in a query string is read back).
    /// </summary>
    private static Instant? ParseBound(string? value, string field, DateTimeZone? zone, bool end, Dictionary<string, string[]> fields)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fields[field] = [$"'{field}' is required (yyyy-MM-dd, or an instant such as 2026-12-07T09:00:00+01:00)."];
            return null;
        }

        var text = value.Trim();
        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            return zone is null ? null : zone.AtStartOfDay(end ? date.Value.PlusDays(1) : date.Value).ToInstant();
        }

        var instant = OffsetDateTimePattern.ExtendedIso.Parse(text.Replace(' ', '+'));
        if (instant.Success)
        {
            return instant.Value.ToInstant();
        }

        fields[field] = [string.Create(CultureInfo.InvariantCulture, $"'{value}' is neither a date (yyyy-MM-dd) nor an instant with an offset (2026-12-07T09:00:00+01:00).")];
        return null;
    }
}
