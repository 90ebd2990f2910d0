using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Import;

/// <summary>
/// Brings a company's booking history from another scheduling tool (Cal.com) into NQBA: every row is validated first
/// and a batch with any bad row writes nothing (400 naming <c>bookings[i].field</c>); rows are idempotent per source
/// and external id (imported again: unchanged, or updated when its times, specialist or status moved). Imported
/// bookings block their time like any other, but send no e-mail, schedule no reminders and publish no events: they
/// happened elsewhere. One audit entry per batch, with counts only.
/// </summary>
internal sealed class BookingImport(SchedulingDbContext db, ICompanyDirectory directory, FieldProtector protector, IAuditLedger audit, TimeProvider time)
{
    public const int MaxRows = 2000;

    private static readonly Dictionary<string, BookingStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["booked"] = BookingStatus.Booked,
        ["accepted"] = BookingStatus.Booked,
        ["cancelled"] = BookingStatus.Cancelled,
        ["canceled"] = BookingStatus.Cancelled,
        ["rejected"] = BookingStatus.Cancelled,
        ["completed"] = BookingStatus.Completed,
        ["noShow"] = BookingStatus.NoShow,
    };

    public async Task<Result<BookingImportResult>> ImportAsync(IReadOnlyList<ImportedBooking?>? rows, string actor, CancellationToken cancellationToken)
    {
        if (rows is null || rows.Count == 0)
        {
            return Error.Validation("bookings", "The import holds no bookings (a JSON array of bookings).");
        }

        if (rows.Count > MaxRows)
        {
            return new Error("payload_too_large", "Import too large", $"The import holds {rows.Count} bookings; a batch takes at most {MaxRows}: split it.", StatusCodes.Status413PayloadTooLarge);
        }

        var company = await directory.GetAsync(cancellationToken);
        var types = await db.MeetingTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var planned = new List<Planned>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"bookings[{i}]");
            if (rows[i] is not { } row)
            {
                errors[name] = ["A booking must be an object."];
                continue;
            }

            if (Validate(row, name, company, types, errors) is { } plan)
            {
                if (!seen.Add((plan.Source, plan.ExternalId)))
                {
                    errors[name + ".externalId"] = [$"'{plan.ExternalId}' of {plan.Source} is in this import twice."];
                    continue;
                }

                planned.Add(plan);
            }
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(planned, types, actor, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A parallel import of the same rows inserted first (unique source and external id): read theirs and go on.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<BookingImportResult> WriteAsync(List<Planned> planned, Dictionary<string, MeetingTypes.MeetingType> types, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sources = planned.Select(p => p.Source).Distinct().ToList();
        var ids = planned.Select(p => p.ExternalId).Distinct().ToList();
        // The calendars of the batch's specialists are locked as a booking locks them: a parallel import of the same
        // rows waits and then finds them (no duplicate-key failure to retry), and no booking interleaves.
        await using var transaction = await SpecialistLock.BeginAsync(db, planned.Select(p => p.SpecialistId), cancellationToken);
        var existing = (await db.Bookings
                .Where(b => b.ImportSource != null && sources.Contains(b.ImportSource) && ids.Contains(b.ExternalId!))
                .ToListAsync(cancellationToken))
            .ToDictionary(b => (b.ImportSource!, b.ExternalId!));
        var results = new List<BookingImportRow>(planned.Count);
        foreach (var plan in planned)
        {
            var type = types[plan.TypeCode];
            string outcome;
            if (existing.TryGetValue((plan.Source, plan.ExternalId), out var booking))
            {
                var moved = booking.Start != plan.Start || booking.End != plan.End || booking.SpecialistId != plan.SpecialistId || booking.Status != plan.Status;
                if (moved)
                {
                    booking.Start = plan.Start;
                    booking.End = plan.End;
                    booking.SpecialistId = plan.SpecialistId;
                    booking.Status = plan.Status;
                    booking.CancelReason = plan.CancelReason;
                    booking.Sequence++;
                    booking.UpdatedAt = now;
                    booking.ChangedBy = actor;
                }

                outcome = moved ? "Updated" : "Unchanged";
            }
            else
            {
                var hash = await protector.SearchHashAsync(plan.ClientEmail, cancellationToken);
                booking = new Booking
                {
                    Id = Guid.CreateVersion7(),
                    SpecialistId = plan.SpecialistId,
                    MeetingTypeCode = plan.TypeCode,
                    Start = plan.Start,
                    End = plan.End,
                    BeforeBufferMinutes = type.BeforeBufferMinutes,
                    AfterBufferMinutes = type.AfterBufferMinutes,
                    Status = plan.Status,
                    ClientName = plan.ClientName,
                    ClientEmail = plan.ClientEmail,
                    ClientEmailHash = hash,
                    SubjectKeyId = FieldProtector.SubjectKeyId(hash),
                    Notes = plan.Notes,
                    ClientTimeZone = plan.TimeZone,
                    Language = plan.Language,
                    CancelReason = plan.CancelReason,
                    ChangedBy = actor,
                    CreatedAt = plan.CreatedAt ?? now,
                    ImportSource = plan.Source,
                    ExternalId = plan.ExternalId,
                };
                db.Bookings.Add(booking);
                existing[(plan.Source, plan.ExternalId)] = booking;
                outcome = "Created";
            }

            results.Add(new BookingImportRow(plan.Row, plan.Source, plan.ExternalId, outcome, booking.Id));
        }

        Guid? batch = null;
        if (results.Exists(r => r.Outcome != "Unchanged"))
        {
            // Counts and sources only: the clients' data stays in their (encrypted) rows.
            batch = Guid.CreateVersion7();
            audit.Stage(db, new AuditRecord("scheduling.bookings.imported", "booking-import", batch.Value.ToString(), null, new
            {
                sources = sources.Order(StringComparer.Ordinal).ToList(),
                rows = results.Count,
                created = results.Count(r => r.Outcome == "Created"),
                updated = results.Count(r => r.Outcome == "Updated"),
                actor,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new BookingImportResult(batch, results.Count(r => r.Outcome == "Created"), results.Count(r => r.Outcome == "Updated"), results.Count(r => r.Outcome == "Unchanged"), results);
    }

    /// <summary>The row's booking as it will be written, or null with every problem in <paramref name="errors"/>.</summary>
    private static Planned? Validate(ImportedBooking row, string name, CompanySnapshot company, Dictionary<string, MeetingTypes.MeetingType> types, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        void Fail(string field, string message) => errors[$"{name}.{field}"] = [message];

        var source = row.Source?.Trim();
        if (string.IsNullOrEmpty(source) || source.Length > 40)
        {
            Fail("source", "The source is required (e.g. calcom), at most 40 characters.");
        }

        var externalId = row.ExternalId?.Trim();
        if (string.IsNullOrEmpty(externalId) || externalId.Length > 200)
        {
            Fail("externalId", "The booking's id in the source is required (at most 200 characters).");
        }

        if (string.IsNullOrWhiteSpace(row.MeetingType) || !types.ContainsKey(row.MeetingType.Trim()))
        {
            Fail("meetingType", $"'{row.MeetingType}' is not a meeting type here; create it first (retired types are fine).");
        }

        var specialist = row.SpecialistId is { } id
            ? company.Specialists.FirstOrDefault(s => s.Id == id)
            : company.Specialists.FirstOrDefault(s => string.Equals(s.Email, row.SpecialistEmail?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (specialist is null)
        {
            Fail(row.SpecialistId is null ? "specialistEmail" : "specialistId", "No specialist here has that id or e-mail address.");
        }

        if (row.Start is not { } start)
        {
            Fail("start", "The start is required (ISO 8601 with offset).");
        }
        else if (row.End is not { } end || end <= start)
        {
            Fail("end", "The end is required and after the start.");
        }
        else if (end - start > TimeSpan.FromHours(24) || start.Second != 0 || start.Millisecond != 0)
        {
            Fail(end - start > TimeSpan.FromHours(24) ? "end" : "start", "A meeting starts on a whole minute and lasts at most 24 hours.");
        }

        if (row.Status is null || !Statuses.TryGetValue(row.Status.Trim(), out var status))
        {
            Fail("status", "The status is booked (or accepted), cancelled (or rejected), completed or noShow.");
            status = BookingStatus.Booked;
        }

        var clientName = row.ClientName?.Trim();
        if (string.IsNullOrEmpty(clientName) || clientName.Length > 200)
        {
            Fail("clientName", "The client's name is required (at most 200 characters).");
        }

        var clientEmail = row.ClientEmail?.Trim();
        if (string.IsNullOrEmpty(clientEmail) || clientEmail.Length > 320 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(clientEmail))
        {
            Fail("clientEmail", "The client's e-mail address is required.");
        }

        var zone = string.IsNullOrWhiteSpace(row.TimeZone) ? "UTC" : row.TimeZone.Trim();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            Fail("timeZone", $"'{row.TimeZone}' is not an IANA time zone.");
        }

        var language = string.IsNullOrWhiteSpace(row.Language) ? "en" : row.Language.Trim();
        if (!UiCultures.IsSupported(language))
        {
            Fail("language", "The language is en, de or ja.");
        }

        if (row.Notes is { Length: > 4000 } || row.CancelReason is { Length: > 1000 })
        {
            Fail(row.Notes is { Length: > 4000 } ? "notes" : "cancelReason", "Too long (notes: 4000, cancelReason: 1000 characters).");
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Planned(name, source!, externalId!, row.MeetingType!.Trim(), specialist!.Id, row.Start!.Value.UtcDateTime, row.End!.Value.UtcDateTime, status,
            clientName!, clientEmail!, zone, language, string.IsNullOrWhiteSpace(row.Notes) ? null : row.Notes.Trim(),
            string.IsNullOrWhiteSpace(row.CancelReason) ? null : row.CancelReason.Trim(), row.CreatedAt?.UtcDateTime);
    }

    private sealed record Planned(
        string Row, string Source, string ExternalId, string TypeCode, Guid SpecialistId, DateTime Start, DateTime End, BookingStatus Status,
        string ClientName, string ClientEmail, string TimeZone, string Language, string? Notes, string? CancelReason, DateTime? CreatedAt);
}
