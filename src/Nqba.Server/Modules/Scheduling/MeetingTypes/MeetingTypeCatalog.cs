using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>
/// Meeting types as data (Cal.com's event types): created, edited and retired through the API and the meeting types
/// page. Every change is validated field by field, audited in its own transaction, and guarded by the type's version
/// so two editors never overwrite each other unseen. A retired type keeps its bookings and is offered no more.
/// </summary>
internal sealed partial class MeetingTypeCatalog(SchedulingDbContext db, IAuditLedger audit)
{
    public const int MaxDays = 730;

    public async Task<List<MeetingTypeDto>> ListAsync(bool includeRetired, CancellationToken cancellationToken) =>
        (await db.MeetingTypes.AsNoTracking().Where(t => includeRetired || t.Active).OrderBy(t => t.DurationMinutes).ThenBy(t => t.Code).ToListAsync(cancellationToken))
            .ConvertAll(MeetingTypeDto.From);

    public async Task<Result<MeetingTypeDto>> GetAsync(string code, CancellationToken cancellationToken) =>
        await db.MeetingTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, cancellationToken) is { } type
            ? MeetingTypeDto.From(type)
            : Error.NotFound("Meeting type", code);

    public async Task<Result<MeetingTypeDto>> CreateAsync(MeetingTypeRequest request, CancellationToken cancellationToken)
    {
        var fields = Validate(request);
        if (request.Code is not { } code || !CodePattern().IsMatch(code))
        {
            fields["code"] = ["The code is 2 to 40 lowercase letters, digits or dashes (e.g. intro-45); it is the type's address on the booking page."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        if (await db.MeetingTypes.AnyAsync(t => t.Code == request.Code, cancellationToken))
        {
            return Error.Conflict($"A meeting type with code '{request.Code}' exists.");
        }

        var type = new MeetingType { Id = Guid.CreateVersion7(), Code = request.Code!, Name = string.Empty };
        Apply(type, request);
        db.MeetingTypes.Add(type);
        audit.Stage(db, new AuditRecord("scheduling.meeting-type.created", "meeting-type", type.Code, null, MeetingTypeDto.From(type)));
        return await SaveAsync(type, cancellationToken);
    }

    /// <summary>Replaces every rule of a type (fields left out take their defaults); with an expected version, only if still at it.</summary>
    public async Task<Result<MeetingTypeDto>> UpdateAsync(string code, MeetingTypeRequest request, int? expectedVersion, CancellationToken cancellationToken)
    {
        var fields = Validate(request);
        if (request.Code is { } asked && asked != code)
        {
            fields["code"] = ["The code cannot change (bookings and links refer to it); create a new type instead."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var found = await LoadForWriteAsync(code, expectedVersion ?? request.Version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var type = found.Value;
        var before = MeetingTypeDto.From(type);
        Apply(type, request);
        type.Version++;
        audit.Stage(db, new AuditRecord("scheduling.meeting-type.changed", "meeting-type", type.Code, before, MeetingTypeDto.From(type)));
        return await SaveAsync(type, cancellationToken);
    }

    /// <summary>Retires a type: no more slots or bookings of it; its meetings stay as they are.</summary>
    public async Task<Result<MeetingTypeDto>> RetireAsync(string code, int? expectedVersion, CancellationToken cancellationToken)
    {
        var found = await LoadForWriteAsync(code, expectedVersion, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var type = found.Value;
        if (type.Active)
        {
            type.Active = false;
            type.Version++;
            audit.Stage(db, new AuditRecord("scheduling.meeting-type.retired", "meeting-type", type.Code, new { active = true }, new { active = false }));
        }

        return await SaveAsync(type, cancellationToken);
    }

    /// <summary>Every problem of a request, each named by its field; limits must grow from day to week to month.</summary>
    internal static Dictionary<string, string[]> Validate(MeetingTypeRequest request)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            fields["name"] = ["The name is required (e.g. 45-min introduction)."];
        }
        else if (request.Name.Trim().Length > 200)
        {
            fields["name"] = ["At most 200 characters."];
        }

        var length = request.DurationMinutes;
        if (length is not (>= 5 and <= 480))
        {
            fields["durationMinutes"] = ["The length is required: 5 to 480 minutes."];
        }

        Range(fields, "slotStepMinutes", request.SlotStepMinutes, 5, 480, "The slot interval is 5 to 480 minutes (empty: the length).");
        Range(fields, "beforeBufferMinutes", request.BeforeBufferMinutes, 0, 240, "A buffer is 0 to 240 minutes.");
        Range(fields, "afterBufferMinutes", request.AfterBufferMinutes, 0, 240, "A buffer is 0 to 240 minutes.");
        Range(fields, "minimumNoticeMinutes", request.MinimumNoticeMinutes, 0, MaxDays * 24 * 60, "The minimum notice is 0 minutes to two years.");
        var step = request.SlotStepMinutes ?? length ?? 0;
        if (request.StartOffsetMinutes is { } offset && (offset < 0 || (step > 0 && offset >= step)))
        {
            fields["startOffsetMinutes"] = [$"The start offset is 0 to one minute less than the slot interval ({step} minutes)."];
        }

        switch (request.WindowKind ?? BookingWindowKind.CalendarDays)
        {
            case BookingWindowKind.DateRange:
                if (request.WindowStart is not { } first)
                {
                    fields["windowStart"] = ["A date range needs its first date (yyyy-MM-dd)."];
                }
                else if (request.WindowEnd is not { } last)
                {
                    fields["windowEnd"] = ["A date range needs its last date (yyyy-MM-dd)."];
                }
                else if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
                {
                    fields["windowEnd"] = [$"The last date is on or after the first, and at most {MaxDays} days later."];
                }

                break;
            default:
                Range(fields, "bookingWindowDays", request.BookingWindowDays, 1, MaxDays, $"The booking window is 1 to {MaxDays} days.");
                break;
        }

        if (request.ScheduleName is { } schedule && schedule.Trim().Length > 100)
        {
            fields["scheduleName"] = ["At most 100 characters (empty: each host's default schedule)."];
        }

        if (request.Assignment is { } assignment && !Enum.IsDefined(assignment))
        {
            fields["assignment"] = ["The assignment is RoundRobin or Collective."];
        }

        if (request.PendingBlocks == true && request.RequiresConfirmation != true)
        {
            fields["pendingBlocks"] = ["Only a type whose bookings need confirmation has pending bookings to block with."];
        }

        Limits(fields, "maxPer", request.MaxPerDay, request.MaxPerWeek, request.MaxPerMonth, 1, "meetings");
        Limits(fields, "maxMinutesPer", request.MaxMinutesPerDay, request.MaxMinutesPerWeek, request.MaxMinutesPerMonth, length ?? 1, "minutes");
        return fields;
    }

    private static void Range(Dictionary<string, string[]> fields, string name, int? value, int min, int max, string message)
    {
        if (value is { } v && (v < min || v > max))
        {
            fields[name] = [message];
        }
    }

    private static void Limits(Dictionary<string, string[]> fields, string prefix, int? day, int? week, int? month, int least, string unit)
    {
        (string Period, int? Value)[] limits = [("Day", day), ("Week", week), ("Month", month)];
        (string Period, int Value)? below = null;
        foreach (var (period, value) in limits)
        {
            if (value is not { } v)
            {
                continue;
            }

            if (v < least || v > 100_000)
            {
                fields[prefix + period] = [$"A limit is at least {least} {unit} (empty: no limit)."];
            }
            else if (below is { } smaller && v < smaller.Value)
            {
                fields[prefix + period] = [$"The limit is at least the one per {smaller.Period.ToLowerInvariant()} ({smaller.Value} {unit})."];
            }

            below = (period, v);
        }
    }

    private static void Apply(MeetingType type, MeetingTypeRequest request)
    {
        type.Name = request.Name!.Trim();
        type.DurationMinutes = request.DurationMinutes!.Value;
        type.SlotStepMinutes = request.SlotStepMinutes ?? type.DurationMinutes;
        type.BeforeBufferMinutes = request.BeforeBufferMinutes ?? 0;
        type.AfterBufferMinutes = request.AfterBufferMinutes ?? 0;
        type.StartOffsetMinutes = request.StartOffsetMinutes ?? 0;
        type.MinimumNoticeMinutes = request.MinimumNoticeMinutes ?? 120;
        type.WindowKind = request.WindowKind ?? BookingWindowKind.CalendarDays;
        var range = type.WindowKind == BookingWindowKind.DateRange;
        type.BookingWindowDays = range ? 0 : request.BookingWindowDays ?? 60;
        type.WindowStart = range ? request.WindowStart : null;
        type.WindowEnd = range ? request.WindowEnd : null;
        type.MaxPerDay = request.MaxPerDay;
        type.MaxPerWeek = request.MaxPerWeek;
        type.MaxPerMonth = request.MaxPerMonth;
        type.MaxMinutesPerDay = request.MaxMinutesPerDay;
        type.MaxMinutesPerWeek = request.MaxMinutesPerWeek;
        type.MaxMinutesPerMonth = request.MaxMinutesPerMonth;
        type.RequiresConfirmation = request.RequiresConfirmation ?? false;
        type.PendingBlocks = type.RequiresConfirmation && request.PendingBlocks == true;
        type.ScheduleName = string.IsNullOrWhiteSpace(request.ScheduleName) ? null : request.ScheduleName.Trim();
        type.Assignment = request.Assignment ?? HostAssignment.RoundRobin;
        type.Active = request.Active ?? true;
    }

    private async Task<Result<MeetingType>> LoadForWriteAsync(string code, int? expectedVersion, CancellationToken cancellationToken)
    {
        var type = await db.MeetingTypes.FirstOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (type is null)
        {
            return Error.NotFound("Meeting type", code);
        }

        return expectedVersion is { } version && version != type.Version ? Stale(type.Code) : type;
    }

    private async Task<Result<MeetingTypeDto>> SaveAsync(MeetingType type, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale(type.Code);
        }
        catch (DbUpdateException)
        {
            // The code was taken by another writer between the check and the insert (unique index).
            db.ChangeTracker.Clear();
            return Error.Conflict($"A meeting type with code '{type.Code}' exists.");
        }

        return MeetingTypeDto.From(type);
    }

    private static Error Stale(string code) =>
        Error.PreconditionFailed($"Meeting type '{code}' has changed since you read it; reload it and try again.");

    [GeneratedRegex("^[a-z0-9-]{2,40}$")]
    private static partial Regex CodePattern();
}
