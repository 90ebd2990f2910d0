using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Calendars;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// A specialist's availability as data (Cal.com's model): named weekly schedules in their own zone, one of them the
/// default, and date overrides with several ranges or none. The API and the availability page both write through
/// here; every change is audited in its own transaction and guarded against a concurrent writer.
/// </summary>
internal sealed class AvailabilitySchedules(SchedulingDbContext db, ICompanyDirectory directory, IAuditLedger audit)
{
    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;

    public async Task<Result<List<ScheduleDto>>> ListAsync(Guid specialistId, CancellationToken cancellationToken)
    {
        if (!await SpecialistExistsAsync(specialistId, cancellationToken))
        {
            return Error.NotFound("Specialist", specialistId);
        }

        return (await db.Schedules.AsNoTracking().Include(s => s.Ranges).Where(s => s.SpecialistId == specialistId).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.IsDefault).ThenBy(s => s.Name, StringComparer.Ordinal).Select(ScheduleDto.From).ToList();
    }

    public async Task<Result<ScheduleDto>> GetAsync(Guid specialistId, Guid id, CancellationToken cancellationToken) =>
        await db.Schedules.AsNoTracking().Include(s => s.Ranges).FirstOrDefaultAsync(s => s.Id == id && s.SpecialistId == specialistId, cancellationToken) is { } schedule
            ? ScheduleDto.From(schedule)
            : Error.NotFound("Schedule", id);

    /// <summary>Creates a schedule; the specialist's first one, or one asked to be, becomes the default.</summary>
    public async Task<Result<ScheduleDto>> CreateAsync(Guid specialistId, ScheduleRequest request, CancellationToken cancellationToken)
    {
        var fields = Validate(request);
        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        if (!await SpecialistExistsAsync(specialistId, cancellationToken))
        {
            return Error.NotFound("Specialist", specialistId);
        }

        var id = Guid.CreateVersion7();
        var schedule = new AvailabilitySchedule
        {
            Id = id,
            SpecialistId = specialistId,
            Name = request.Name!.Trim(),
            TimeZone = request.TimeZone!.Trim(),
            Ranges = [.. request.Week!.Select(r => new AvailabilityRange { ScheduleId = id, Day = r.Day!.Value, Opens = r.Opens!.Value, Closes = r.Closes!.Value })],
        };
        var makeDefault = request.IsDefault == true || !await db.Schedules.AnyAsync(s => s.SpecialistId == specialistId, cancellationToken);
        db.Schedules.Add(schedule);
        audit.Stage(db, new AuditRecord("scheduling.schedule.created", "specialist", specialistId.ToString(), null, Summary(schedule)));
        return await SaveAsync(schedule, makeDefault, cancellationToken);
    }

    /// <summary>Replaces name, zone and week (and makes it the default if asked); with an expected version, only if still at it.</summary>
    public async Task<Result<ScheduleDto>> UpdateAsync(Guid specialistId, Guid id, ScheduleRequest request, int? expectedVersion, CancellationToken cancellationToken)
    {
        var fields = Validate(request);
        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var found = await LoadForWriteAsync(specialistId, id, expectedVersion ?? request.Version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var schedule = found.Value;
        if (request.IsDefault == false && schedule.IsDefault)
        {
            return Error.Validation("isDefault", "Make another schedule the default instead; a specialist's default cannot be unset.");
        }

        var before = Summary(schedule);
        schedule.Name = request.Name!.Trim();
        schedule.TimeZone = request.TimeZone!.Trim();
        ChildRows.Sync(
            schedule.Ranges,
            request.Week!,
            r => (r.Day, r.Opens),
            w => (w.Day!.Value, w.Opens!.Value),
            (r, w) => r.Closes = w.Closes!.Value,
            w => new AvailabilityRange { ScheduleId = schedule.Id, Day = w.Day!.Value, Opens = w.Opens!.Value, Closes = w.Closes!.Value });

        schedule.Version++;
        audit.Stage(db, new AuditRecord("scheduling.schedule.changed", "specialist", specialistId.ToString(), before, Summary(schedule)));
        return await SaveAsync(schedule, request.IsDefault == true && !schedule.IsDefault, cancellationToken);
    }

    /// <summary>Deletes a schedule; the default only when it is the last one (the specialist then follows their region's calendar).</summary>
    public async Task<Result<bool>> DeleteAsync(Guid specialistId, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var found = await LoadForWriteAsync(specialistId, id, expectedVersion, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var schedule = found.Value;
        if (schedule.IsDefault && await db.Schedules.AnyAsync(s => s.SpecialistId == specialistId && s.Id != id, cancellationToken))
        {
            return Error.Conflict($"'{schedule.Name}' is the default schedule: make another one the default first.");
        }

        db.Schedules.Remove(schedule);
        audit.Stage(db, new AuditRecord("scheduling.schedule.deleted", "specialist", specialistId.ToString(), Summary(schedule), null));
        var saved = await SaveAsync(schedule, false, cancellationToken);
        return saved.Succeeded ? true : saved.Error;
    }

    public async Task<Result<List<OverrideDto>>> ListOverridesAsync(Guid specialistId, DateOnly? from, CancellationToken cancellationToken)
    {
        if (!await SpecialistExistsAsync(specialistId, cancellationToken))
        {
            return Error.NotFound("Specialist", specialistId);
        }

        return (await db.Overrides.AsNoTracking().Include(o => o.Ranges)
                .Where(o => o.SpecialistId == specialistId && (from == null || o.Date >= from)).OrderBy(o => o.Date).ToListAsync(cancellationToken))
            .ConvertAll(OverrideDto.From);
    }

    /// <summary>
    /// Sets one date's ranges (none = unavailable), replacing what the date had. Two writers of one date never mix
    /// their ranges: the loser of a race re-reads and writes its whole set again, so the last writer's set stands.
    /// </summary>
    public async Task<Result<OverrideDto>> SetOverrideAsync(Guid specialistId, OverrideRequest request, CancellationToken cancellationToken)
    {
        var parsed = ParseOverride(request);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        if (!await SpecialistExistsAsync(specialistId, cancellationToken))
        {
            return Error.NotFound("Specialist", specialistId);
        }

        var date = request.Date!.Value;
        for (var attempt = 1; ; attempt++)
        {
            var entry = await db.Overrides.Include(o => o.Ranges).FirstOrDefaultAsync(o => o.SpecialistId == specialistId && o.Date == date, cancellationToken);
            if (entry is null)
            {
                entry = new AvailabilityOverride { Id = Guid.CreateVersion7(), SpecialistId = specialistId, Date = date };
                db.Overrides.Add(entry);
            }
            else
            {
                entry.Ranges.Clear();
                entry.Version++;
            }

            entry.Note = request.Note;
            entry.Ranges.AddRange(parsed.Value.Select(r => new AvailabilityOverrideRange { OverrideId = entry.Id, Opens = r.Opens, Closes = r.Closes }));
            audit.Stage(db, new AuditRecord("scheduling.override.set", "specialist", specialistId.ToString(), null, new { date, ranges = parsed.Value.Select(r => $"{r.Opens:HH\\:mm}-{r.Closes:HH\\:mm}").ToList() }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return OverrideDto.From(entry);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another writer created or changed the date first (unique date, version token): start again from theirs.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<Result<bool>> DeleteOverrideAsync(Guid specialistId, DateOnly date, CancellationToken cancellationToken)
    {
        var removed = await db.Overrides.Where(o => o.SpecialistId == specialistId && o.Date == date).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return Error.NotFound("Override", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        await audit.AppendAsync(new AuditRecord("scheduling.override.removed", "specialist", specialistId.ToString(), new { date }, null), cancellationToken);
        return true;
    }

    /// <summary>Stores a span the specialist is out of office (audited in the same save).</summary>
    public async Task<TimeOff> AddTimeOffAsync(Guid specialistId, DateTimeOffset start, DateTimeOffset end, string? reason, CancellationToken cancellationToken)
    {
        var entry = new TimeOff { Id = Guid.CreateVersion7(), SpecialistId = specialistId, Start = start.UtcDateTime, End = end.UtcDateTime, Reason = reason };
        db.TimeOff.Add(entry);
        audit.Stage(db, new AuditRecord("scheduling.time-off.added", "specialist", specialistId.ToString(), null, new { entry.Start, entry.End }, null));
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>Removes one of the specialist's time-off entries; false when there was none.</summary>
    public async Task<bool> DeleteTimeOffAsync(Guid specialistId, Guid id, CancellationToken cancellationToken) =>
        await db.TimeOff.Where(t => t.Id == id && t.SpecialistId == specialistId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Stores an external busy calendar already fetched once (audited in the same save).</summary>
    public async Task AttachCalendarAsync(ExternalCalendar calendar, CancellationToken cancellationToken)
    {
        db.ExternalCalendars.Add(calendar);
        audit.Stage(db, new AuditRecord("scheduling.calendar.attached", "specialist", calendar.SpecialistId.ToString(), null, new { calendar.Id, calendar.Name, calendar.Url }, null));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes one of the specialist's external calendars; false when there was none.</summary>
    public async Task<bool> DetachCalendarAsync(Guid specialistId, Guid calendarId, CancellationToken cancellationToken) =>
        await db.ExternalCalendars.Where(c => c.Id == calendarId && c.SpecialistId == specialistId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The override's ranges, in order, each named by its field when wrong.</summary>
    private static Result<List<(TimeOnly Opens, TimeOnly Closes)>> ParseOverride(OverrideRequest request)
    {
        var fields = new Dictionary<string, string[]>();
        if (request.Date is null)
        {
            fields["date"] = ["The date is required (yyyy-MM-dd)."];
        }

        var ranges = new List<(TimeOnly Opens, TimeOnly Closes)>();
        if (request.Ranges is { } list)
        {
            if (request.Opens is not null || request.Closes is not null)
            {
                fields["ranges"] = ["Give either ranges or opens/closes, not both."];
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (list[i]?.Opens is not { } opens || list[i].Closes is not { } closes)
                {
                    fields[$"ranges[{i}]"] = ["Give opens and closes (HH:mm)."];
                }
                else if (opens == closes)
                {
                    fields[$"ranges[{i}].closes"] = ["A range closes at another time than it opens."];
                }
                else
                {
                    ranges.Add((opens, closes));
                }
            }
        }
        else if ((request.Opens is null) != (request.Closes is null))
        {
            fields[request.Opens is null ? "opens" : "closes"] = ["Give both opening and closing time, or neither for a day off."];
        }
        else if (request.Opens is { } opens && request.Closes is { } closes)
        {
            if (opens == closes)
            {
                fields["closes"] = ["A range closes at another time than it opens."];
            }

            ranges.Add((opens, closes));
        }

        ranges.Sort((a, b) => a.Opens.CompareTo(b.Opens));
        for (var i = 1; i < ranges.Count && fields.Count == 0; i++)
        {
            if (ranges[i].Opens < End(ranges[i - 1].Opens, ranges[i - 1].Closes) || ranges[i - 1].Closes <= ranges[i - 1].Opens)
            {
                fields["ranges"] = ["Ranges of one date must not overlap; only the last may run past midnight."];
            }
        }

        return fields.Count > 0 ? Error.Validation(fields) : ranges;

        static TimeOnly End(TimeOnly opens, TimeOnly closes) => closes <= opens ? TimeOnly.MaxValue : closes;
    }

    /// <summary>Every problem of a schedule request, by field (week[2].closes…); ranges may not overlap, counting those past midnight.</summary>
    private static Dictionary<string, string[]> Validate(ScheduleRequest request)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            fields["name"] = ["The name is required (e.g. Working hours)."];
        }
        else if (request.Name.Trim().Length > 100)
        {
            fields["name"] = ["At most 100 characters."];
        }

        if (string.IsNullOrWhiteSpace(request.TimeZone) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(request.TimeZone.Trim()) is null)
        {
            fields["timeZone"] = [$"'{request.TimeZone}' is not an IANA time zone (e.g. America/New_York)."];
        }

        if (request.Week is null)
        {
            fields["week"] = ["Give the weekly ranges (an empty list for none)."];
            return fields;
        }

        var spans = new List<(int Start, int End, int Index)>();
        for (var i = 0; i < request.Week.Count; i++)
        {
            var range = request.Week[i];
            if (range?.Day is not { } day || range.Opens is not { } opens || range.Closes is not { } closes)
            {
                fields[$"week[{i}]"] = ["Give day, opens and closes."];
            }
            else if (day is < 1 or > 7)
            {
                fields[$"week[{i}].day"] = ["Day is an ISO number: 1 = Monday … 7 = Sunday."];
            }
            else if (opens == closes && opens != TimeOnly.MinValue)
            {
                fields[$"week[{i}].closes"] = ["A range closes at another time than it opens (00:00–00:00 is the whole day)."];
            }
            else
            {
                var start = ((day - 1) * MinutesPerDay) + Minutes(opens);
                var length = closes > opens ? Minutes(closes) - Minutes(opens) : MinutesPerDay - Minutes(opens) + Minutes(closes);
                spans.Add((start, start + length, i));
            }
        }

        // On the week's circle: Sunday 22:00–02:00 runs into Monday.
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var k = 0; k < spans.Count; k++)
        {
            var next = spans[(k + 1) % spans.Count];
            var nextStart = k + 1 < spans.Count ? next.Start : next.Start + MinutesPerWeek;
            if (spans.Count > 1 && spans[k].End > nextStart)
            {
                fields[$"week[{next.Index}].opens"] = [$"This range overlaps week[{spans[k].Index}]."];
            }
        }

        return fields;

        static int Minutes(TimeOnly time) => (time.Hour * 60) + time.Minute;
    }

    private async Task<bool> SpecialistExistsAsync(Guid specialistId, CancellationToken cancellationToken) =>
        (await directory.GetAsync(cancellationToken)).Specialists.Any(s => s.Id == specialistId);

    private async Task<Result<AvailabilitySchedule>> LoadForWriteAsync(Guid specialistId, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var schedule = await db.Schedules.Include(s => s.Ranges).FirstOrDefaultAsync(s => s.Id == id && s.SpecialistId == specialistId, cancellationToken);
        if (schedule is null)
        {
            return Error.NotFound("Schedule", id);
        }

        return expectedVersion is { } version && version != schedule.Version ? Stale(schedule.Name) : schedule;
    }

    /// <summary>
    /// Saves in one transaction; making <paramref name="schedule"/> the default first clears the old default (its own
    /// statement, so the one-default index never sees two), then sets this one.
    /// </summary>
    private async Task<Result<ScheduleDto>> SaveAsync(AvailabilitySchedule schedule, bool makeDefault, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (makeDefault)
            {
                foreach (var other in await db.Schedules.Where(s => s.SpecialistId == schedule.SpecialistId && s.IsDefault && s.Id != schedule.Id).ToListAsync(cancellationToken))
                {
                    other.IsDefault = false;
                    other.Version++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            if (makeDefault)
            {
                schedule.IsDefault = true;
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale(schedule.Name);
        }
        catch (DbUpdateException)
        {
            // A schedule of that name exists, or another writer made a different schedule the default at the same time.
            db.ChangeTracker.Clear();
            return Error.Conflict($"Another change to this specialist's schedules won (a schedule named '{schedule.Name}' exists, or another became the default); reload and try again.");
        }

        return ScheduleDto.From(schedule);
    }

    private static Error Stale(string name) =>
        Error.PreconditionFailed($"Schedule '{name}' has changed since you read it; reload it and try again.");

    private static object Summary(AvailabilitySchedule s) => new
    {
        s.Name,
        s.TimeZone,
        week = s.Ranges.OrderBy(r => r.Day).ThenBy(r => r.Opens).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Day} {r.Opens:HH\\:mm}-{r.Closes:HH\\:mm}")).ToList(),
    };
}
