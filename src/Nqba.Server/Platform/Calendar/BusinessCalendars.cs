using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Calendar;

/// <summary>
/// Staff changes to business calendars (week, holidays, which calendar a region follows), each validated whole before
/// anything is written, audited in the same transaction, and guarded by the calendar's version. Saving drops the
/// company snapshot, so every clock reads the new calendar; SLA clocks of open tickets are recomputed when the
/// calendars' fingerprint changes.
/// </summary>
internal sealed partial class BusinessCalendars(PlatformDbContext db, IAuditLedger audit, TimeProvider time)
{
    public const int MaxIntervals = 56;
    private const int MaxImportYears = 10;

    public async Task<List<CalendarDto>> ListAsync(CancellationToken cancellationToken)
    {
        var calendars = await Load().AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var regions = await RegionsByCalendarAsync(cancellationToken);
        return calendars.ConvertAll(c => ToDto(c, regions));
    }

    public async Task<Result<CalendarDto>> GetAsync(string code, CancellationToken cancellationToken)
    {
        var calendar = await Load().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        return calendar is null ? Error.NotFound("Calendar", code) : ToDto(calendar, await RegionsByCalendarAsync(cancellationToken));
    }

    public async Task<Result<CalendarDto>> CreateAsync(CalendarRequest request, CancellationToken cancellationToken)
    {
        var fields = Validate(request, creating: true);
        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        if (await db.Calendars.AnyAsync(c => c.Code == request.Code, cancellationToken))
        {
            return Error.Conflict($"A calendar with code '{request.Code}' exists already.");
        }

        var id = Guid.CreateVersion7();
        var calendar = new WorkingCalendar
        {
            Id = id,
            Code = request.Code!,
            Name = request.Name!.Trim(),
            TimeZone = request.TimeZone!,
            Version = 1,
            Intervals = [.. Normalize(request.Week!).Select(w => new WorkingCalendarInterval { CalendarId = id, Day = w.Day, Opens = w.Opens, Closes = w.Closes })],
        };
        db.Calendars.Add(calendar);
        audit.Stage(db, new AuditRecord("platform.calendar.created", "calendar", calendar.Code, null, Summary(calendar)));
        return await SaveAsync(calendar, cancellationToken);
    }

    /// <summary>Replaces name, zone and week; with an expected version (If-Match), only if the calendar is still at it.</summary>
    public async Task<Result<CalendarDto>> UpdateAsync(string code, CalendarRequest request, int? expectedVersion, CancellationToken cancellationToken)
    {
        var fields = Validate(request, creating: false);
        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var found = await LoadForWriteAsync(code, expectedVersion ?? request.Version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var calendar = found.Value;
        var before = Summary(calendar);
        calendar.Name = request.Name!.Trim();
        calendar.TimeZone = request.TimeZone!;
        ChildRows.Sync(
            calendar.Intervals,
            Normalize(request.Week!),
            i => (i.Day, i.Opens),
            w => (w.Day, w.Opens),
            (i, w) => i.Closes = w.Closes,
            w => new WorkingCalendarInterval { CalendarId = calendar.Id, Day = w.Day, Opens = w.Opens, Closes = w.Closes });

        calendar.Version++;
        audit.Stage(db, new AuditRecord("platform.calendar.changed", "calendar", calendar.Code, before, Summary(calendar)));
        return await SaveAsync(calendar, cancellationToken);
    }

    /// <summary>Deletes a calendar no region follows (409 otherwise).</summary>
    public async Task<Result<bool>> DeleteAsync(string code, int? expectedVersion, CancellationToken cancellationToken)
    {
        var found = await LoadForWriteAsync(code, expectedVersion, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var calendar = found.Value;
        var regions = await db.Regions.Where(r => r.CalendarId == calendar.Id).Select(r => r.Code).ToListAsync(cancellationToken);
        if (regions.Count > 0)
        {
            return Error.Conflict($"Regions {string.Join(", ", regions)} follow calendar '{code}': point them at another calendar first.");
        }

        db.Calendars.Remove(calendar);
        audit.Stage(db, new AuditRecord("platform.calendar.deleted", "calendar", calendar.Code, Summary(calendar), null));
        var saved = await SaveAsync(calendar, cancellationToken);
        return saved.Succeeded ? true : saved.Error;
    }

    public async Task<Result<CalendarHolidayDto>> AddHolidayAsync(string code, CalendarHolidayRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string[]>();
        if (request.Date is null)
        {
            fields["date"] = ["Give the holiday's date (yyyy-MM-dd)."];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            fields["name"] = ["Give the holiday a name of 1 to 200 characters."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var found = await LoadForWriteAsync(code, null, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var calendar = found.Value;
        if (calendar.Holidays.Exists(h => h.Date == request.Date))
        {
            return Error.Conflict($"Calendar '{code}' has a holiday on {request.Date:yyyy-MM-dd} already; change that one.");
        }

        var holiday = new CalendarHoliday
        {
            Id = Guid.CreateVersion7(),
            CalendarId = calendar.Id,
            Date = request.Date!.Value,
            Name = request.Name!.Trim(),
            Yearly = request.Yearly ?? false,
            Inactive = request.Active == false,
        };
        // Added through the set: a new holiday carries its id already, which the navigation would take for an existing row.
        db.Holidays.Add(holiday);
        calendar.Holidays.Add(holiday);
        calendar.Version++;
        audit.Stage(db, new AuditRecord("platform.calendar.holiday-added", "calendar", calendar.Code, null, CalendarHolidayDto.From(holiday)));
        var saved = await SaveAsync(calendar, cancellationToken);
        return saved.Succeeded ? CalendarHolidayDto.From(holiday) : saved.Error;
    }

    /// <summary>Renames a holiday, makes it yearly or one-off, or switches it on or off (omitted fields stay).</summary>
    public async Task<Result<CalendarHolidayDto>> ChangeHolidayAsync(string code, Guid id, CalendarHolidayRequest request, CancellationToken cancellationToken)
    {
        if (request.Name is { } name && (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200))
        {
            return Error.Validation("name", "Give the holiday a name of 1 to 200 characters.");
        }

        var found = await LoadForWriteAsync(code, null, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var calendar = found.Value;
        if (calendar.Holidays.Find(h => h.Id == id) is not { } holiday)
        {
            return Error.NotFound("Holiday", id);
        }

        if (request.Date is { } date && date != holiday.Date && calendar.Holidays.Exists(h => h.Date == date))
        {
            return Error.Conflict($"Calendar '{code}' has a holiday on {date:yyyy-MM-dd} already.");
        }

        var before = CalendarHolidayDto.From(holiday);
        holiday.Date = request.Date ?? holiday.Date;
        holiday.Name = request.Name?.Trim() ?? holiday.Name;
        holiday.Yearly = request.Yearly ?? holiday.Yearly;
        holiday.Inactive = request.Active is { } active ? !active : holiday.Inactive;
        calendar.Version++;
        audit.Stage(db, new AuditRecord("platform.calendar.holiday-changed", "calendar", calendar.Code, before, CalendarHolidayDto.From(holiday)));
        var saved = await SaveAsync(calendar, cancellationToken);
        return saved.Succeeded ? CalendarHolidayDto.From(holiday) : saved.Error;
    }

    public async Task<Result<bool>> DeleteHolidayAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        var found = await LoadForWriteAsync(code, null, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var calendar = found.Value;
        if (calendar.Holidays.Find(h => h.Id == id) is not { } holiday)
        {
            return Error.NotFound("Holiday", id);
        }

        calendar.Holidays.Remove(holiday);
        calendar.Version++;
        audit.Stage(db, new AuditRecord("platform.calendar.holiday-deleted", "calendar", calendar.Code, CalendarHolidayDto.From(holiday), null));
        var saved = await SaveAsync(calendar, cancellationToken);
        return saved.Succeeded ? true : saved.Error;
    }

    /// <summary>Imports holidays from iCalendar text (yearly rules expanded over the years); a bad file writes nothing.</summary>
    public async Task<Result<CalendarHolidayImportResult>> ImportHolidaysAsync(string code, string? ics, int? fromYear, int? toYear, CancellationToken cancellationToken)
    {
        var first = fromYear ?? time.GetUtcNow().Year;
        var last = toYear ?? first + 1;
        if (first is < 1900 or > 2200 || last < first || last - first >= MaxImportYears)
        {
            return Error.Validation("toYear", string.Create(CultureInfo.InvariantCulture, $"Import between 1 and {MaxImportYears} whole years (fromYear ≤ toYear, 1900–2200)."));
        }

        var read = HolidayCalendarReader.Read(ics, first, last);
        if (!read.Succeeded)
        {
            return read.Error;
        }

        var found = await LoadForWriteAsync(code, null, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var calendar = found.Value;
        var existing = calendar.Holidays.ToDictionary(h => h.Date);
        int added = 0, updated = 0;
        foreach (var (date, name) in read.Value)
        {
            if (!existing.TryGetValue(date, out var holiday))
            {
                var fresh = new CalendarHoliday { Id = Guid.CreateVersion7(), CalendarId = calendar.Id, Date = date, Name = name };
                db.Holidays.Add(fresh);
                calendar.Holidays.Add(fresh);
                added++;
            }
            else if (holiday.Name != name)
            {
                holiday.Name = name;
                updated++;
            }
        }

        calendar.Version++;
        audit.Stage(db, new AuditRecord("platform.calendar.holidays-imported", "calendar", calendar.Code, null,
            new { fromYear = first, toYear = last, added, updated, dates = read.Value.ConvertAll(h => h.Date) }));
        var saved = await SaveAsync(calendar, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.Error;
        }

        var inYears = calendar.Holidays.Where(h => h.Date.Year >= first && h.Date.Year <= last).OrderBy(h => h.Date).Select(CalendarHolidayDto.From).ToList();
        return new CalendarHolidayImportResult(calendar.Code, first, last, added, updated, read.Value.Count - added - updated, inYears);
    }

    /// <summary>Points a region at another calendar: its clocks follow that calendar from the next reading.</summary>
    public async Task<Result<CalendarDto>> SetRegionCalendarAsync(string regionCode, RegionCalendarRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Calendar))
        {
            return Error.Validation("calendar", "Name the calendar the region follows.");
        }

        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == regionCode, cancellationToken);
        if (region is null)
        {
            return Error.NotFound("Region", regionCode);
        }

        var calendar = await db.Calendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == request.Calendar, cancellationToken);
        if (calendar is null)
        {
            return Error.Validation("calendar", $"There is no calendar '{request.Calendar}'.");
        }

        var before = await db.Calendars.Where(c => c.Id == region.CalendarId).Select(c => c.Code).FirstAsync(cancellationToken);
        region.CalendarId = calendar.Id;
        audit.Stage(db, new AuditRecord("platform.region.calendar-changed", "region", region.Code, new { calendar = before }, new { calendar = calendar.Code }));
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(calendar.Code, cancellationToken);
    }

    /// <summary>The holidays of the calendar a region follows (optionally of one year).</summary>
    public async Task<Result<List<CalendarHolidayDto>>> RegionHolidaysAsync(string regionCode, int? year, CancellationToken cancellationToken)
    {
        var code = await RegionCalendarCodeAsync(regionCode, cancellationToken);
        if (code is null)
        {
            return Error.NotFound("Region", regionCode);
        }

        var found = await GetAsync(code, cancellationToken);
        if (found.Value is not { } calendar)
        {
            return found.Error!;
        }

        return year is { } y and >= 1 and <= 9999 ? [.. calendar.Holidays.Where(h => h.Date.Year == y)] : calendar.Holidays;
    }

    public Task<string?> RegionCalendarCodeAsync(string regionCode, CancellationToken cancellationToken) =>
        db.Regions.Where(r => r.Code == regionCode).Join(db.Calendars, r => r.CalendarId, c => c.Id, (r, c) => c.Code).FirstOrDefaultAsync(cancellationToken);

    private IQueryable<WorkingCalendar> Load() => db.Calendars.Include(c => c.Intervals).Include(c => c.Holidays).AsSplitQuery();

    private async Task<Result<WorkingCalendar>> LoadForWriteAsync(string code, int? expectedVersion, CancellationToken cancellationToken)
    {
        var calendar = await Load().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (calendar is null)
        {
            return Error.NotFound("Calendar", code);
        }

        return expectedVersion is { } version && version != calendar.Version ? Stale(code) : calendar;
    }

    private async Task<Result<CalendarDto>> SaveAsync(WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer saved the calendar between our read and write: nothing of ours was written.
            db.ChangeTracker.Clear();
            return Stale(calendar.Code);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<WorkingCalendar>().Any(e => e.State == EntityState.Added))
        {
            db.ChangeTracker.Clear();
            return Error.Conflict($"A calendar with code '{calendar.Code}' exists already.");
        }

        return db.Entry(calendar).State == EntityState.Detached
            ? ToDto(calendar, NoRegions)
            : ToDto(calendar, await RegionsByCalendarAsync(cancellationToken));
    }

    private static readonly ILookup<Guid, string> NoRegions = Array.Empty<Guid>().ToLookup(id => id, _ => string.Empty);

    private static Error Stale(string code) =>
        Error.PreconditionFailed($"Calendar '{code}' has changed since you read it; reload it and try again.");

    private async Task<ILookup<Guid, string>> RegionsByCalendarAsync(CancellationToken cancellationToken) =>
        (await db.Regions.AsNoTracking().Select(r => new { r.CalendarId, r.Code }).ToListAsync(cancellationToken)).OrderBy(r => r.Code, StringComparer.Ordinal).ToLookup(r => r.CalendarId, r => r.Code);

    private static CalendarDto ToDto(WorkingCalendar c, ILookup<Guid, string> regions) => new(
        c.Id, c.Code, c.Name, c.TimeZone, c.Version,
        [.. c.Intervals.OrderBy(i => i.Day).ThenBy(i => i.Opens).Select(i => new WeeklyHours(i.Day, i.Opens, i.Closes))],
        [.. c.Holidays.OrderBy(h => h.Date).Select(CalendarHolidayDto.From)],
        [.. regions[c.Id]]);

    private static object Summary(WorkingCalendar c) => new
    {
        c.Name,
        c.TimeZone,
        week = c.Intervals.OrderBy(i => i.Day).ThenBy(i => i.Opens).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Day} {i.Opens:HH\\:mm}-{i.Closes:HH\\:mm}")).ToList(),
    };

    /// <summary>A closing time of 00:00 means "until midnight".</summary>
    private static List<WeeklyHours> Normalize(List<WeeklyHours> week) =>
        [.. week.Select(w => w.Closes == TimeOnly.MinValue ? w with { Closes = TimeOnly.MaxValue } : w).OrderBy(w => w.Day).ThenBy(w => w.Opens)];

    private static Dictionary<string, string[]> Validate(CalendarRequest request, bool creating)
    {
        var fields = new Dictionary<string, string[]>();
        if (creating && (request.Code is null || request.Code.Length > 40 || !CodePattern().IsMatch(request.Code)))
        {
            fields["code"] = ["Give a code of lower-case letters, digits and single hyphens, 1 to 40 characters (e.g. support-emea)."];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            fields["name"] = ["Give the calendar a name of 1 to 100 characters."];
        }

        if (string.IsNullOrWhiteSpace(request.TimeZone) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(request.TimeZone) is null)
        {
            fields["timeZone"] = ["Give an IANA time zone, e.g. Europe/Berlin."];
        }

        if (request.Week is null)
        {
            fields["week"] = ["Give the working intervals of the week (an empty list: never open)."];
            return fields;
        }

        if (request.Week.Count > MaxIntervals)
        {
            fields["week"] = [string.Create(CultureInfo.InvariantCulture, $"At most {MaxIntervals} intervals a week.")];
            return fields;
        }

        for (var i = 0; i < request.Week.Count; i++)
        {
            var w = request.Week[i];
            if (w is null)
            {
                fields[$"week[{i}]"] = ["Give day, opens and closes."];
            }
            else if (w.Day is < 1 or > 7)
            {
                fields[$"week[{i}].day"] = ["Day is an ISO number: 1 = Monday … 7 = Sunday."];
            }
            else if (w.Closes != TimeOnly.MinValue && w.Closes <= w.Opens)
            {
                fields[$"week[{i}].closes"] = ["An interval closes after it opens (00:00: until midnight)."];
            }
        }

        if (fields.Count == 0)
        {
            var normalized = request.Week.Select((w, i) => (Index: i, Hours: w.Closes == TimeOnly.MinValue ? w with { Closes = TimeOnly.MaxValue } : w)).ToList();
            foreach (var day in normalized.GroupBy(w => w.Hours.Day))
            {
                var ordered = day.OrderBy(w => w.Hours.Opens).ToList();
                for (var k = 1; k < ordered.Count; k++)
                {
                    if (ordered[k].Hours.Opens < ordered[k - 1].Hours.Closes)
                    {
                        fields[$"week[{ordered[k].Index}].opens"] = ["Intervals of one day must not overlap."];
                    }
                }
            }
        }

        return fields;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
