using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Scheduling.FollowUps;

/// <summary>
/// Records what came of a meeting once it has started: the outcome (which also records attendance when that was not
/// done yet), notes, action items and the suggested next meeting type; emits <see cref="FollowUpCreated"/> once.
/// </summary>
internal sealed class FollowUpService(
    SchedulingDbContext db,
    BookingService bookings,
    IAuditLedger audit,
    IOptions<SchedulingOptions> options,
    TimeProvider time)
{
    public const string Held = "held";
    public const string NoShowOutcome = "no-show";
    private const int MaxActionItems = 50;

    public async Task<Result<FollowUpDto>> RecordAsync(Guid bookingId, FollowUpRequest request, string actor, CancellationToken cancellationToken)
    {
        var fields = Validate(request);
        var current = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (current is null)
        {
            return Error.NotFound("Booking", bookingId);
        }

        if (Refusal(current, time.GetUtcNow().UtcDateTime) is { } early)
        {
            return early;
        }

        // Due dates are days of the client's calendar: none before the meeting's own day.
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(current.ClientTimeZone) ?? DateTimeZone.Utc;
        var meetingDay = Instant.FromDateTimeUtc(DateTime.SpecifyKind(current.Start, DateTimeKind.Utc)).InZone(zone).Date.ToDateOnly();
        for (var i = 0; i < (request.ActionItems?.Count ?? 0); i++)
        {
            if (request.ActionItems![i]?.DueDate is { } due && (due < meetingDay || due > meetingDay.AddYears(2)))
            {
                fields[Field(i, "dueDate")] = [string.Create(CultureInfo.InvariantCulture, $"The due date must be between the meeting's day ({meetingDay:yyyy-MM-dd}) and two years after it.")];
            }
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        await using var transaction = await SpecialistLock.BeginAsync(db, current.SpecialistId, cancellationToken);
        var booking = await db.Bookings.FirstAsync(b => b.Id == bookingId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (Refusal(booking, now) is { } refused)
        {
            return refused;
        }

        if (await db.FollowUps.AsNoTracking().AnyAsync(f => f.BookingId == bookingId, cancellationToken))
        {
            return Error.Conflict("A follow-up was already recorded for this meeting.");
        }

        var recorded = booking.Status switch
        {
            BookingStatus.Completed => Held,
            BookingStatus.NoShow => NoShowOutcome,
            _ => null,
        };
        var outcome = request.Outcome?.Trim().ToLowerInvariant() ?? recorded;
        if (outcome is null)
        {
            return Error.Validation("outcome", "Say whether the meeting was held: outcome 'held' or 'no-show'.");
        }

        if (recorded is not null && recorded != outcome)
        {
            return Error.Conflict($"The meeting was already recorded as {recorded}; the follow-up's outcome must agree.");
        }

        if (recorded is null)
        {
            await bookings.ApplyAttendanceAsync(booking, outcome == Held, actor, now, cancellationToken);
        }

        var followUp = new FollowUp
        {
            Id = Guid.CreateVersion7(),
            BookingId = booking.Id,
            SpecialistId = booking.SpecialistId,
            OrganizationId = booking.OrganizationId,
            SubjectKeyId = booking.SubjectKeyId,
            Outcome = outcome,
            Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            SuggestedMeetingType = SuggestNext(booking.MeetingTypeCode, outcome),
            CreatedBy = actor,
            CreatedAt = now,
            ActionItems = [.. (request.ActionItems ?? []).Select((a, i) => new FollowUpActionItem
            {
                Id = Guid.CreateVersion7(),
                Position = i,
                Description = a.Description!.Trim(),
                Owner = a.Owner!.Trim(),
                DueDate = a.DueDate!.Value,
                OrganizationId = booking.OrganizationId,
                SubjectKeyId = booking.SubjectKeyId,
            })],
        };
        db.FollowUps.Add(followUp);
        db.Publish(new FollowUpCreated(booking.Id, booking.OrganizationId, booking.SpecialistId, booking.LeadId, outcome, followUp.ActionItems.Count, followUp.SuggestedMeetingType, now), now);
        audit.Stage(db, new AuditRecord("scheduling.booking.follow-up", "booking", booking.Id.ToString(), null,
            new { followUp.Id, outcome, actionItems = followUp.ActionItems.Count, suggested = followUp.SuggestedMeetingType, actor }, booking.OrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FollowUpDto.From(followUp, booking.MeetingTypeCode);
    }

    public async Task<Result<FollowUpDto>> GetAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.AsNoTracking().Include(f => f.ActionItems).FirstOrDefaultAsync(f => f.BookingId == bookingId, cancellationToken);
        if (followUp is null)
        {
            return Error.NotFound("Follow-up of booking", bookingId);
        }

        var type = await db.Bookings.AsNoTracking().Where(b => b.Id == bookingId).Select(b => b.MeetingTypeCode).FirstAsync(cancellationToken);
        return FollowUpDto.From(followUp, type);
    }

    /// <summary>
    /// The meeting type that comes next in the configured order (discovery → demo → consultation), none after the last;
    /// after a no-show the same type again, since that meeting still has to happen.
    /// </summary>
    public string? SuggestNext(string meetingType, string outcome)
    {
        if (outcome == NoShowOutcome)
        {
            return meetingType;
        }

        var order = options.Value.MeetingTypes;
        var index = order.FindIndex(t => t.Code == meetingType);
        return index >= 0 && index + 1 < order.Count ? order[index + 1].Code : null;
    }

    private static Error? Refusal(Booking booking, DateTime now) =>
        booking.Status is BookingStatus.Held or BookingStatus.Cancelled
            ? Error.Conflict($"This meeting is {booking.Status.ToString().ToLowerInvariant()}; there is nothing to follow up.")
            : booking.Start > now
                ? Error.Conflict("The meeting has not started yet; record its follow-up once it has taken place.")
                : null;

    private static Dictionary<string, string[]> Validate(FollowUpRequest request)
    {
        var fields = new Dictionary<string, string[]>();
        if (request.Outcome is { } outcome && outcome.Trim().ToLowerInvariant() is not (Held or NoShowOutcome))
        {
            fields["outcome"] = ["outcome must be 'held' or 'no-show'."];
        }

        // The limits keep the ciphertext (about 4/3 of the UTF-8 bytes) inside its column on every provider.
        if (request.Notes is { } notes && (notes.Length > 4000 || Encoding.UTF8.GetByteCount(notes) > 8000))
        {
            fields["notes"] = ["Notes can be at most 4000 characters (8000 bytes of UTF-8)."];
        }

        var items = request.ActionItems ?? [];
        if (items.Count > MaxActionItems)
        {
            fields["actionItems"] = [string.Create(CultureInfo.InvariantCulture, $"At most {MaxActionItems} action items.")];
            return fields;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                fields[string.Create(CultureInfo.InvariantCulture, $"actionItems[{i}]")] = ["An action item needs a description, an owner and a due date."];
                continue;
            }

            if (string.IsNullOrWhiteSpace(item.Description) || item.Description.Trim().Length > 1000 || Encoding.UTF8.GetByteCount(item.Description.Trim()) > 2800)
            {
                fields[Field(i, "description")] = ["What is to be done is required (at most 1000 characters, 2800 bytes of UTF-8)."];
            }

            if (string.IsNullOrWhiteSpace(item.Owner) || item.Owner.Trim().Length > 200)
            {
                fields[Field(i, "owner")] = ["Who does it is required (a name or role, at most 200 characters)."];
            }

            if (item.DueDate is null)
            {
                fields[Field(i, "dueDate")] = ["The due date is required (yyyy-MM-dd)."];
            }
        }

        return fields;
    }

    private static string Field(int index, string name) => string.Create(CultureInfo.InvariantCulture, $"actionItems[{index}].{name}");
}
