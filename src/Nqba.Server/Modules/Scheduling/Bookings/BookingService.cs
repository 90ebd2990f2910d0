using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Availability;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Modules.Scheduling.Reminders;
using Nqba.Server.Modules.Scheduling.Video;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// Holds, books, reschedules and cancels meetings. Every write that takes calendar time runs under the
/// specialist's lock (<see cref="SpecialistLock"/>) and re-checks availability against committed data first.
/// The video link is made before the lock is taken (a vendor's API may take seconds) and its meeting deleted again
/// when the slot is lost after all.
/// </summary>
internal sealed class BookingService(
    SchedulingDbContext db,
    AvailabilityService availability,
    BookingLinks links,
    VideoLinks video,
    FieldProtector protector,
    IAuditLedger audit,
    IOptions<SchedulingOptions> options,
    TimeProvider time)
{
    public const string Client = "client";

    /// <summary>A requested meeting's time was booked by another meeting meanwhile (its code tells the page's form apart).</summary>
    public static readonly Error TimeTaken = Error.Conflict("Another meeting was booked into this time meanwhile; decline the request and ask the client to choose another time.") with { Code = "time_taken" };

    private static Error Taken(Instant start) => Error.Conflict(
        $"The time {start} is no longer available: it was just booked by someone else, or it is outside the offered slots. Please choose another slot.");

    public async Task<Result<HoldDto>> HoldAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        var target = await ResolveAsync(request.MeetingType, request.Start, request.SpecialistId, request.UnitCode, request.LeadId, cancellationToken);
        if (!target.Succeeded)
        {
            return target.Error;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.HoldDuration;
        var placed = await PlaceAsync(target.Value, null, specialist => new Booking
        {
            Id = Guid.CreateVersion7(),
            SpecialistId = specialist.Id,
            MeetingTypeCode = target.Value.Type.Code,
            Status = BookingStatus.Held,
            HoldExpiresAt = expires,
            ClientTimeZone = "UTC",
            Language = "en",
            LeadId = target.Value.LeadId,
            OrganizationId = target.Value.OrganizationId,
            ChangedBy = Client,
            CreatedAt = now,
        }, cancellationToken);
        if (placed is null)
        {
            return Taken(target.Value.Start);
        }

        var zone = DateTimeZone.Utc;
        return new HoldDto(placed.Id, links.HoldToken(placed.Id), placed.SpecialistId, placed.MeetingTypeCode,
            ToOffset(placed.Start, zone), ToOffset(placed.End, zone), new DateTimeOffset(expires, TimeSpan.Zero));
    }

    public async Task<Result<BookingDto>> BookAsync(BookMeetingRequest request, string actor, CancellationToken cancellationToken)
    {
        var fields = ValidateClient(request);
        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var email = request.Email!.Trim();
        var emailHash = await protector.SearchHashAsync(email, cancellationToken);
        // The client's data key, shared by all of their bookings (erasure destroys it); a first-time client's is
        // created with the booking, in its transaction (see FieldEncryptionInterceptor).
        var subjectKey = FieldProtector.SubjectKeyId(emailHash);
        var now = time.GetUtcNow().UtcDateTime;

        void Fill(Booking booking, MeetingType type)
        {
            booking.Status = type.RequiresConfirmation ? BookingStatus.Pending : BookingStatus.Booked;
            booking.HoldExpiresAt = null;
            booking.ClientName = request.Name!.Trim();
            booking.ClientEmail = email;
            booking.ClientEmailHash = emailHash;
            booking.SubjectKeyId = subjectKey;
            booking.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
            booking.ClientTimeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone.Trim();
            booking.Language = request.Language ?? "en";
            booking.ChangedBy = actor;
            booking.CreatedAt = now;
        }

        Booking? booked;
        if (!string.IsNullOrWhiteSpace(request.HoldToken))
        {
            var converted = await ConvertHoldAsync(request.HoldToken, Fill, cancellationToken);
            if (!converted.Succeeded)
            {
                return converted.Error;
            }

            booked = converted.Value;
        }
        else
        {
            var target = await ResolveAsync(request.MeetingType, request.Start, request.SpecialistId, request.UnitCode, request.LeadId, cancellationToken);
            if (!target.Succeeded)
            {
                return target.Error;
            }

            var link = await video.CreateAsync(VideoRequest(target.Value.Type, target.Value.Start), cancellationToken);
            booked = await PlaceAsync(target.Value, null, specialist =>
            {
                var booking = new Booking
                {
                    Id = Guid.CreateVersion7(),
                    SpecialistId = specialist.Id,
                    MeetingTypeCode = target.Value.Type.Code,
                    ClientTimeZone = "UTC",
                    Language = "en",
                    LeadId = target.Value.LeadId,
                    OrganizationId = target.Value.OrganizationId,
                    ChangedBy = actor,
                };
                Fill(booking, target.Value.Type);
                Apply(booking, link);
                return booking;
            }, cancellationToken);
            if (booked is null)
            {
                await video.DeleteAsync(link.Provider, link.MeetingId, cancellationToken);
                return Taken(target.Value.Start);
            }
        }

        var company = await availability.CompanyAsync(cancellationToken);
        var coHosts = await db.CoHostsOfAsync(booked.Id, cancellationToken);
        return ToDto(booked, company, links.ManageToken(booked.Id), request.Name!.Trim(), email, booked.Notes) with { CoHostIds = coHosts };
    }

    public async Task<Result<BookingDto>> RescheduleAsync(Guid bookingId, RescheduleRequest request, string actor, CancellationToken cancellationToken)
    {
        if (request.Start is not { } requested)
        {
            return Error.Validation("start", "The new start time is required.");
        }

        var found = await WithHostsAsync(bookingId, "please book a new meeting", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var (company, hosts, type) = found.Value;
        var start = Instant.FromDateTimeOffset(requested);
        await using var transaction = await SpecialistLock.BeginAsync(db, hosts.Select(h => h.Specialist.Id), cancellationToken);
        var booking = await db.Bookings.FirstAsync(b => b.Id == bookingId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (booking.Status != BookingStatus.Booked || booking.Start <= now)
        {
            return Error.Conflict($"This meeting is {booking.Status.ToString().ToLowerInvariant()}{(booking.Start <= now ? " and has started" : string.Empty)}; it cannot be moved.");
        }

        if (!await AllFreeAsync(hosts, type, start, booking.Id, cancellationToken))
        {
            return Taken(start);
        }

        var previous = booking.Start;
        booking.Start = start.ToDateTimeUtc();
        booking.End = (start + Duration.FromMinutes(type.DurationMinutes)).ToDateTimeUtc();
        booking.BeforeBufferMinutes = type.BeforeBufferMinutes;
        booking.AfterBufferMinutes = type.AfterBufferMinutes;
        booking.Sequence++;
        booking.UpdatedAt = now;
        booking.ChangedBy = actor;
        await ReplaceJobsAsync(booking, now, cancellationToken);
        db.Publish(new MeetingRescheduled(booking.Id, booking.OrganizationId, booking.SpecialistId, booking.LeadId, previous, booking.Start, booking.End, booking.Sequence, actor, now), now);
        audit.Stage(db, new AuditRecord("scheduling.booking.rescheduled", "booking", booking.Id.ToString(), new { start = previous }, new { start = booking.Start, actor }, booking.OrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Only once the move is committed, as with cancelling: the vendor's meeting follows the booking, never leads it.
        if (await video.UpdateAsync(booking.VideoProvider, booking.VideoMeetingId, VideoRequest(type, start), CancellationToken.None) is { } moved)
        {
            booking.VideoNote = Note(booking.VideoNote, moved);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return ToDto(booking, company, null);
    }

    public Task<Result<BookingDto>> CancelAsync(Guid bookingId, CancelRequest request, string actor, CancellationToken cancellationToken) =>
        EndAsync(
            bookingId,
            request.Reason,
            actor,
            status => status is BookingStatus.Booked or BookingStatus.Pending ? null : $"This meeting is {status.ToString().ToLowerInvariant()}; it cannot be cancelled.",
            (booking, now) => new MeetingCancelled(booking.Id, booking.OrganizationId, booking.SpecialistId, booking.LeadId, booking.Start, actor, now),
            booking => new AuditRecord("scheduling.booking.cancelled", "booking", booking.Id.ToString(), null, new { reason = booking.CancelReason, actor }, booking.OrganizationId),
            cancellationToken);

    /// <summary>
    /// Staff confirm a pending booking: under its hosts' locks its time is checked again (another booking may have
    /// been confirmed into it meanwhile: 409), then it is booked and the invite, reminders and briefing follow.
    /// </summary>
    public async Task<Result<BookingDto>> ConfirmAsync(Guid bookingId, string actor, CancellationToken cancellationToken)
    {
        var found = await WithHostsAsync(bookingId, "decline the request instead", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var (company, hosts, type) = found.Value;
        await using var transaction = await SpecialistLock.BeginAsync(db, hosts.Select(h => h.Specialist.Id), cancellationToken);
        var booking = await db.Bookings.FirstAsync(b => b.Id == bookingId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (booking.Status != BookingStatus.Pending || booking.Start <= now)
        {
            return Error.Conflict(booking.Status != BookingStatus.Pending
                ? $"This meeting is {booking.Status.ToString().ToLowerInvariant()}, not waiting for confirmation."
                : "The requested time has passed; decline the request and ask the client to book again.");
        }

        // Free of every other meeting, as for a booking, but without the minimum notice: the client asked in time.
        var start = Instant.FromDateTimeUtc(DateTime.SpecifyKind(booking.Start, DateTimeKind.Utc));
        var length = Duration.FromTimeSpan(booking.End - booking.Start);
        if (!await AllFreeAsync(hosts, SlotRules.From(type) with { Length = length, MinimumNotice = Duration.Zero }, type.ScheduleName, start, booking.Id, cancellationToken))
        {
            return TimeTaken;
        }

        booking.Status = BookingStatus.Booked;
        booking.UpdatedAt = now;
        booking.ChangedBy = actor;
        Announce(booking, now);
        audit.Stage(db, new AuditRecord("scheduling.booking.confirmed", "booking", booking.Id.ToString(), new { status = "Pending" }, new { status = "Booked", actor }, booking.OrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToDto(booking, company, null);
    }

    /// <summary>Staff decline a pending booking: it is cancelled with the reason, the client told, its video meeting deleted.</summary>
    public async Task<Result<BookingDto>> DeclineAsync(Guid bookingId, CancelRequest request, string actor, CancellationToken cancellationToken)
    {
        if (request.Reason is { Length: > 1000 })
        {
            return Error.Validation("reason", "At most 1000 characters.");
        }

        return await EndAsync(
            bookingId,
            request.Reason,
            actor,
            status => status == BookingStatus.Pending ? null : $"This meeting is {status.ToString().ToLowerInvariant()}, not waiting for confirmation.",
            (booking, now) => new MeetingDeclined(booking.Id, booking.OrganizationId, booking.SpecialistId, booking.LeadId, booking.Start, actor, now),
            booking => new AuditRecord("scheduling.booking.declined", "booking", booking.Id.ToString(), new { status = "Pending" }, new { status = "Cancelled", actor }, booking.OrganizationId),
            cancellationToken);
    }

    /// <summary>
    /// Ends a booking as cancelled (a cancel or a decline), under its specialist's lock, the lock moving and confirming
    /// take, so one of two such writers racing sees the other's result: unless <paramref name="refusal"/> names why its
    /// status forbids it, the reason is kept, its pending jobs dropped, <paramref name="ended"/> raised and
    /// <paramref name="audited"/> staged in the same save; its video meeting is deleted only once that is committed (a
    /// meeting deleted for a change that then failed would be lost).
    /// </summary>
    private async Task<Result<BookingDto>> EndAsync(
        Guid bookingId,
        string? reason,
        string actor,
        Func<BookingStatus, string?> refusal,
        Func<Booking, DateTime, IDomainEvent> ended,
        Func<Booking, AuditRecord> audited,
        CancellationToken cancellationToken)
    {
        var current = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (current is null)
        {
            return Error.NotFound("Booking", bookingId);
        }

        await using var transaction = await SpecialistLock.BeginAsync(db, current.SpecialistId, cancellationToken);
        var booking = await db.Bookings.FirstAsync(b => b.Id == bookingId, cancellationToken);
        if (refusal(booking.Status) is { } refused)
        {
            return Error.Conflict(refused);
        }

        var now = time.GetUtcNow().UtcDateTime;
        booking.Status = BookingStatus.Cancelled;
        booking.CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        booking.Sequence++;
        booking.UpdatedAt = now;
        booking.ChangedBy = actor;
        db.Jobs.RemoveRange(await db.Jobs.Where(j => j.BookingId == booking.Id && j.DoneAt == null).ToListAsync(cancellationToken));
        db.Publish(ended(booking, now), now);
        audit.Stage(db, audited(booking));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (await video.DeleteAsync(booking.VideoProvider, booking.VideoMeetingId, CancellationToken.None) is { } deleted)
        {
            booking.VideoNote = Note(booking.VideoNote, deleted);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return ToDto(booking, await availability.CompanyAsync(cancellationToken), null);
    }

    /// <summary>Staff record whether the meeting took place (only once it has started).</summary>
    public async Task<Result<BookingDto>> RecordAttendanceAsync(Guid bookingId, bool held, string actor, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null)
        {
            return Error.NotFound("Booking", bookingId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (booking.Status != BookingStatus.Booked || booking.Start > now)
        {
            return Error.Conflict(booking.Status != BookingStatus.Booked
                ? $"This meeting is already {booking.Status.ToString().ToLowerInvariant()}."
                : "The meeting has not started yet.");
        }

        await ApplyAttendanceAsync(booking, held, actor, now, cancellationToken);
        audit.Stage(db, new AuditRecord(held ? "scheduling.booking.held" : "scheduling.booking.no-show", "booking", booking.Id.ToString(), null, new { actor }, booking.OrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(booking, await availability.CompanyAsync(cancellationToken), null);
    }

    /// <summary>
    /// Marks a started, booked meeting as held or as a no-show and queues <see cref="MeetingHeld"/> or <see cref="NoShow"/>
    /// (a no-show's pending jobs are dropped); the caller saves.
    /// </summary>
    public async Task ApplyAttendanceAsync(Booking booking, bool held, string actor, DateTime now, CancellationToken cancellationToken)
    {
        booking.Status = held ? BookingStatus.Completed : BookingStatus.NoShow;
        booking.UpdatedAt = now;
        booking.ChangedBy = actor;
        if (held)
        {
            db.Publish(new MeetingHeld(booking.Id, booking.OrganizationId, booking.SpecialistId, booking.LeadId, booking.MeetingTypeCode, booking.Start, actor, now), now);
        }
        else
        {
            db.Jobs.RemoveRange(await db.Jobs.Where(j => j.BookingId == booking.Id && j.DoneAt == null).ToListAsync(cancellationToken));
            db.Publish(new NoShow(booking.Id, booking.OrganizationId, booking.SpecialistId, booking.LeadId, booking.Start, actor, now), now);
        }
    }

    public static BookingDto ToDto(Booking booking, CompanySnapshot company, string? manageToken, string? name = null, string? email = null, string? notes = null)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(booking.ClientTimeZone) ?? DateTimeZone.Utc;
        return new BookingDto(
            booking.Id,
            booking.Status.ToString(),
            booking.MeetingTypeCode,
            ToOffset(booking.Start, zone),
            ToOffset(booking.End, zone),
            zone.Id,
            booking.SpecialistId,
            company.Specialists.FirstOrDefault(s => s.Id == booking.SpecialistId)?.DisplayName,
            name ?? booking.ClientName,
            email ?? booking.ClientEmail,
            notes ?? booking.Notes,
            booking.LeadId,
            booking.VideoUrl,
            booking.VideoProvider,
            booking.VideoNote,
            booking.Sequence,
            manageToken);
    }

    public static DateTimeOffset ToOffset(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).ToDateTimeOffset();

    private static VideoMeetingRequest VideoRequest(MeetingType type, Instant start) =>
        new(type.Name, start.ToDateTimeUtc(), (start + Duration.FromMinutes(type.DurationMinutes)).ToDateTimeUtc());

    private static void Apply(Booking booking, VideoLink link)
    {
        booking.VideoUrl = link.Url;
        booking.VideoProvider = link.Provider;
        booking.VideoMeetingId = link.MeetingId;
        booking.VideoNote = link.Note;
    }

    /// <summary>Adds to the booking's video note, within its column's 1000 characters.</summary>
    private static string Note(string? note, string addition)
    {
        var text = note is null ? addition : $"{note}; {addition}";
        return text.Length > 1000 ? text[..1000] : text;
    }

    private async Task<Result<Booking>> ConvertHoldAsync(string holdToken, Action<Booking, MeetingType> fill, CancellationToken cancellationToken)
    {
        if (links.ReadHoldToken(holdToken) is not { } holdId)
        {
            return Error.Validation("holdToken", "The hold link is not valid; choose a slot again.");
        }

        var hold = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == holdId, cancellationToken);
        if (hold is null || hold.Status != BookingStatus.Held)
        {
            return Error.Conflict("This slot is no longer held (it was booked already); choose another slot.");
        }

        var company = await availability.CompanyAsync(cancellationToken);
        var hosts = await HostsAsync(company, hold, cancellationToken);
        var type = await db.MeetingTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == hold.MeetingTypeCode, cancellationToken);
        if (hosts is null || type is null)
        {
            return Error.Conflict("The held slot's specialist or meeting type is no longer available; choose another slot.");
        }

        var link = await video.CreateAsync(VideoRequest(type, Instant.FromDateTimeUtc(DateTime.SpecifyKind(hold.Start, DateTimeKind.Utc))), cancellationToken);
        await using var transaction = await SpecialistLock.BeginAsync(db, hosts.Select(h => h.Specialist.Id), cancellationToken);
        var booking = await db.Bookings.FirstAsync(b => b.Id == holdId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var start = Instant.FromDateTimeUtc(DateTime.SpecifyKind(booking.Start, DateTimeKind.Utc));
        // An expired hold still books when nobody took the time meanwhile.
        var stillOurs = booking.Status == BookingStatus.Held
            && (booking.HoldExpiresAt > now || await AllFreeAsync(hosts, type, start, booking.Id, cancellationToken));
        if (!stillOurs)
        {
            await transaction.RollbackAsync(cancellationToken);
            await video.DeleteAsync(link.Provider, link.MeetingId, cancellationToken);
            return Taken(start);
        }

        fill(booking, type);
        Apply(booking, link);
        Announce(booking, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return booking;
    }

    /// <summary>
    /// Takes the time with the first candidate still free at it, under that specialist's lock (a collective meeting: with
    /// all candidates, under all their locks, when every one is free); null when none is.
    /// </summary>
    private async Task<Booking?> PlaceAsync(BookingTarget target, Guid? ignoreBooking, Func<SpecialistInfo, Booking> create, CancellationToken cancellationToken)
    {
        IEnumerable<IReadOnlyList<(SpecialistInfo Specialist, RegionInfo Region)>> groups = target.Collective
            ? target.Candidates.Count == 0 ? [] : [target.Candidates]
            : target.Candidates.Select(c => (IReadOnlyList<(SpecialistInfo, RegionInfo)>)[c]);
        foreach (var hosts in groups)
        {
            await using var transaction = await SpecialistLock.BeginAsync(db, hosts.Select(h => h.Specialist.Id), cancellationToken);
            if (!await AllFreeAsync(hosts, target.Type, target.Start, ignoreBooking, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            var booking = create(hosts[0].Specialist);
            db.BookingHosts.AddRange(hosts.Skip(1).Select(h => new BookingHost { BookingId = booking.Id, SpecialistId = h.Specialist.Id }));
            booking.Start = target.Start.ToDateTimeUtc();
            booking.End = (target.Start + Duration.FromMinutes(target.Type.DurationMinutes)).ToDateTimeUtc();
            booking.BeforeBufferMinutes = target.Type.BeforeBufferMinutes;
            booking.AfterBufferMinutes = target.Type.AfterBufferMinutes;
            db.Bookings.Add(booking);
            Announce(booking, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return booking;
        }

        return null;
    }

    private Task<bool> AllFreeAsync(IEnumerable<(SpecialistInfo Specialist, RegionInfo Region)> hosts, MeetingType type, Instant start, Guid? ignoreBooking, CancellationToken cancellationToken) =>
        AllFreeAsync(hosts, SlotRules.From(type), type.ScheduleName, start, ignoreBooking, cancellationToken);

    /// <summary>True when every host may take a meeting under <paramref name="rules"/> at <paramref name="start"/>.</summary>
    private async Task<bool> AllFreeAsync(IEnumerable<(SpecialistInfo Specialist, RegionInfo Region)> hosts, SlotRules rules, string? scheduleName, Instant start, Guid? ignoreBooking, CancellationToken cancellationToken)
    {
        foreach (var (specialist, region) in hosts)
        {
            if (!await availability.IsFreeAsync(region, specialist, rules, scheduleName, start, ignoreBooking, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What moving or confirming a booking needs before taking its hosts' locks: the company, the hosts and the type.</summary>
    private async Task<Result<(CompanySnapshot Company, List<(SpecialistInfo Specialist, RegionInfo Region)> Hosts, MeetingType Type)>> WithHostsAsync(Guid bookingId, string ifGone, CancellationToken cancellationToken)
    {
        var current = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (current is null)
        {
            return Error.NotFound("Booking", bookingId);
        }

        var company = await availability.CompanyAsync(cancellationToken);
        var hosts = await HostsAsync(company, current, cancellationToken);
        var type = await db.MeetingTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Code == current.MeetingTypeCode, cancellationToken);
        return hosts is null || type is null
            ? Error.Conflict($"The meeting's specialist or meeting type is no longer available; {ifGone}.")
            : (company, hosts, type);
    }

    /// <summary>A booking's hosts, its specialist first and then a collective meeting's co-hosts, with their regions; null when one is gone.</summary>
    private async Task<List<(SpecialistInfo Specialist, RegionInfo Region)>?> HostsAsync(CompanySnapshot company, Booking booking, CancellationToken cancellationToken)
    {
        List<Guid> ids = [booking.SpecialistId, .. await db.CoHostsOfAsync(booking.Id, cancellationToken)];
        var hosts = new List<(SpecialistInfo, RegionInfo)>(ids.Count);
        foreach (var id in ids)
        {
            var specialist = company.Specialists.FirstOrDefault(s => s.Id == id);
            if (company.Region(specialist?.RegionCode) is not { } region)
            {
                return null;
            }

            hosts.Add((specialist!, region));
        }

        return hosts;
    }

    private async Task<Result<BookingTarget>> ResolveAsync(string? typeCode, DateTimeOffset? start, Guid? specialistId, string? unitCode, Guid? leadId, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string[]>();
        MeetingType? type = null;
        if (string.IsNullOrWhiteSpace(typeCode))
        {
            fields["meetingType"] = ["The meeting type is required (e.g. discovery-30)."];
        }
        else if ((type = await availability.FindTypeAsync(typeCode, cancellationToken)) is null)
        {
            fields["meetingType"] = [$"Unknown meeting type '{typeCode}'."];
        }

        if (start is null)
        {
            fields["start"] = ["The start time is required (ISO 8601 with offset)."];
        }

        var company = await availability.CompanyAsync(cancellationToken);
        Leads.RoutedLead? lead = null;
        if (leadId is { } id)
        {
            lead = await db.RoutedLeads.AsNoTracking().FirstOrDefaultAsync(l => l.LeadId == id, cancellationToken);
            if (lead?.SpecialistId is null)
            {
                fields["leadId"] = ["This lead has not been routed to a specialist yet."];
            }
        }

        IEnumerable<SpecialistInfo> candidates = [];
        if (specialistId is { } sid)
        {
            candidates = company.Specialists.Where(s => s.Id == sid);
            if (!candidates.Any())
            {
                fields["specialistId"] = ["No active specialist has this id."];
            }
        }
        else if (lead?.SpecialistId is { } routed)
        {
            candidates = company.Specialists.Where(s => s.Id == routed);
            if (!candidates.Any())
            {
                fields["leadId"] = ["The lead's specialist is no longer active; ask staff to reassign the lead."];
            }
        }
        else if (!string.IsNullOrWhiteSpace(unitCode))
        {
            candidates = company.Specialists.Where(s => s.UnitCode == unitCode.Trim());
            if (company.Unit(unitCode.Trim()) is null)
            {
                fields["unitCode"] = [$"Unknown unit '{unitCode}'."];
            }
        }
        else if (leadId is null)
        {
            fields["specialistId"] = ["Say who the meeting is with: specialistId, unitCode or leadId."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var list = candidates.Select(s => (s, company.Region(s.RegionCode)))
            .Where(c => c.Item2 is not null).Select(c => (c.s, c.Item2!)).ToList();
        // A unit's collective meeting is with all its specialists (the first by id hosts it); otherwise with one of them.
        var collective = specialistId is null && lead?.SpecialistId is null && type!.Assignment == HostAssignment.Collective;
        if (collective)
        {
            list = [.. list.OrderBy(c => c.s.Id)];
        }
        else if (list.Count > 1)
        {
            list = await RoundRobinAsync(list, type!.Code, cancellationToken);
        }

        return new BookingTarget(type!, Instant.FromDateTimeOffset(start!.Value), list, leadId, lead?.OrganizationId, collective);
    }

    /// <summary>
    /// Cal.com's round-robin for a unit's booking: the candidates in the order of their last booking of this type, least
    /// recently booked first (never booked before all, then by id), so a unit's meetings spread over its specialists;
    /// the first of them free at the time takes it.
    /// </summary>
    private async Task<List<(SpecialistInfo, RegionInfo)>> RoundRobinAsync(List<(SpecialistInfo Specialist, RegionInfo Region)> candidates, string typeCode, CancellationToken cancellationToken)
    {
        var ids = candidates.Select(c => c.Specialist.Id).ToList();
        var last = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.SpecialistId) && b.MeetingTypeCode == typeCode && b.Status != BookingStatus.Held && b.Status != BookingStatus.Cancelled)
            .GroupBy(b => b.SpecialistId)
            .Select(g => new { g.Key, Last = g.Max(b => b.CreatedAt) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);
        return [.. candidates
            .OrderBy(c => last.TryGetValue(c.Specialist.Id, out var at) ? at : DateTime.MinValue)
            .ThenBy(c => c.Specialist.Id)
            .Select(c => (c.Specialist, c.Region))];
    }

    private static Dictionary<string, string[]> ValidateClient(BookMeetingRequest request)
    {
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            fields["name"] = ["Your name is required (at most 200 characters)."];
        }

        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 320 || !MailAddress.TryCreate(request.Email.Trim(), out var address) || address.Address != request.Email.Trim())
        {
            fields["email"] = ["A valid e-mail address is required."];
        }

        if (request.Notes is { Length: > 4000 })
        {
            fields["notes"] = ["Notes can be at most 4000 characters."];
        }

        if (!string.IsNullOrWhiteSpace(request.TimeZone) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(request.TimeZone.Trim()) is null)
        {
            fields["timeZone"] = [$"'{request.TimeZone}' is not an IANA time zone (e.g. Europe/Berlin)."];
        }

        if (request.Language is not null && !UiCultures.IsSupported(request.Language))
        {
            fields["language"] = ["language must be one of en, de, ja."];
        }

        return fields;
    }

    /// <summary>
    /// Queues what a new booking sets off, in its transaction: a booked meeting its reminders, briefing and follow-up and
    /// <see cref="MeetingBooked"/> (the invite); a pending one <see cref="MeetingRequested"/> only (a hold nothing).
    /// </summary>
    private void Announce(Booking booking, DateTime now)
    {
        if (booking.Status == BookingStatus.Booked)
        {
            AddJobs(booking, now);
            db.Publish(new MeetingBooked(booking.Id, booking.OrganizationId, booking.SpecialistId, booking.LeadId, booking.MeetingTypeCode, booking.Start, booking.End, booking.ChangedBy, now), now);
        }
        else if (booking.Status == BookingStatus.Pending)
        {
            db.Publish(new MeetingRequested(booking.Id, booking.OrganizationId, booking.SpecialistId, booking.LeadId, booking.MeetingTypeCode, booking.Start, booking.End, booking.ChangedBy, now), now);
        }
    }

    private void AddJobs(Booking booking, DateTime now)
    {
        foreach (var before in options.Value.Reminders)
        {
            var due = booking.Start - before;
            if (due > now)
            {
                db.Jobs.Add(new ScheduledJob { Id = Guid.CreateVersion7(), BookingId = booking.Id, Kind = ScheduledJobKind.Reminder, DueAt = due });
            }
        }

        var briefing = booking.Start - TimeSpan.FromHours(24);
        db.Jobs.Add(new ScheduledJob { Id = Guid.CreateVersion7(), BookingId = booking.Id, Kind = ScheduledJobKind.Briefing, DueAt = briefing > now ? briefing : now });
        db.Jobs.Add(new ScheduledJob { Id = Guid.CreateVersion7(), BookingId = booking.Id, Kind = ScheduledJobKind.FollowUp, DueAt = booking.End + options.Value.FollowUpAfter });
    }

    private async Task ReplaceJobsAsync(Booking booking, DateTime now, CancellationToken cancellationToken)
    {
        db.Jobs.RemoveRange(await db.Jobs.Where(j => j.BookingId == booking.Id && j.DoneAt == null).ToListAsync(cancellationToken));
        AddJobs(booking, now);
    }
}
