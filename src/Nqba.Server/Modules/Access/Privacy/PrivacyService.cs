using System.IO.Compression;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>
/// Data-subject rights across every module: requests tracked against their legal deadline, access exports (one ZIP),
/// erasure by crypto-shredding, rectification, consent history with the "do not sell or share" flag, and
/// retention purges. Every step is an audit entry that names the subject by keyed hash only.
/// </summary>
internal sealed class PrivacyService(
    AccessDbContext db,
    IEnumerable<IPersonalDataSource> sources,
    IEnumerable<IRetentionPolicy> retention,
    FieldProtector protector,
    MailOutbox outbox,
    IAuditLedger audit,
    IOptions<AccessOptions> options,
    TimeProvider time)
{
    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // The export fields that hold the subject's own name or address (not a specialist's or an agent's).
    private static readonly HashSet<string> SubjectFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "displayName", "email", "clientName", "clientEmail", "contactName", "contactEmail",
        "requesterName", "requesterEmail", "visitorName", "visitorEmail",
    };

    public async Task<Result<PrivacyRequest>> CreateAsync(CreatePrivacyRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var email = request.Email?.Trim().ToLowerInvariant();
        if ((email is null) == (request.OrganizationId is null))
        {
            errors["email"] = ["Give either email (a person) or organizationId (a whole client organization), not both."];
        }

        if (request.Kind is PrivacyRequestKind.Rectification or PrivacyRequestKind.DoNotSell && email is null)
        {
            errors["email"] = [$"A {request.Kind} request concerns a person: email is required."];
        }

        if (request.Kind == PrivacyRequestKind.Rectification && request.Name is null && request.NewEmail is null && request.Phone is null)
        {
            errors["name"] = ["A rectification names at least one corrected detail: name, newEmail or phone."];
        }

        if (request.OrganizationId is { } org && !await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == org, cancellationToken))
        {
            errors["organizationId"] = [$"No client organization has id {org}."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var days = request.Law == PrivacyLaw.Ccpa ? options.Value.CcpaResponseDays : options.Value.GdprResponseDays;
        var entity = new PrivacyRequest
        {
            Id = Guid.CreateVersion7(),
            Kind = request.Kind!.Value,
            Law = request.Law!.Value,
            SubjectEmail = email,
            SubjectEmailHash = email is null ? null : await protector.SearchHashAsync(email, cancellationToken),
            OrganizationId = request.OrganizationId,
            CorrectionJson = request.Kind == PrivacyRequestKind.Rectification
                ? JsonSerializer.Serialize(new Correction(request.Name?.Trim(), request.NewEmail?.Trim().ToLowerInvariant(), request.Phone?.Trim()))
                : null,
            Status = PrivacyRequestStatus.Open,
            ReceivedAt = now,
            DueAt = now.AddDays(days),
        };
        db.PrivacyRequests.Add(entity);
        Audit("access.privacy.request-received", entity, new { entity.Kind, entity.Law, entity.DueAt, receivedBy = actor });
        await db.SaveChangesAsync(cancellationToken);
        return entity;
    }

    public Task<List<PrivacyRequest>> ListAsync(PrivacyRequestStatus? status, CancellationToken cancellationToken) =>
        db.PrivacyRequests.AsNoTracking()
            .Where(r => status == null || r.Status == status)
            .OrderBy(r => r.DueAt)
            .ToListAsync(cancellationToken);

    public async Task<Result<PrivacyRequest>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.PrivacyRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } r
            ? r
            : Error.NotFound("Privacy request", id);

    /// <summary>Carries out an erasure, rectification or do-not-sell request and closes it.</summary>
    public async Task<Result<PrivacyRequest>> CompleteAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        var found = await OpenRequestAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var request = found.Value;

        var subject = new DataSubject(request.SubjectEmail, request.SubjectEmailHash, request.OrganizationId);
        string outcome;
        switch (request.Kind)
        {
            case PrivacyRequestKind.Access:
                return Error.Conflict("An access request is completed by downloading its export (GET /api/privacy/requests/{id}/export).");

            case PrivacyRequestKind.Erasure:
                var erased = new List<string>();
                // The names and addresses the subject is known by, read before they are erased: the mail outbox holds
                // them in messages that are not records of any module.
                var known = await NamesAndAddressesAsync(subject, cancellationToken);
                foreach (var source in sources)
                {
                    erased.Add($"{source.Name}: {await source.EraseAsync(subject, cancellationToken)}");
                }

                erased.Add($"mail outbox messages: {await outbox.PurgeMentioningAsync(known, cancellationToken)}");

                if (request.OrganizationId is { } org)
                {
                    erased.Add($"organization keys destroyed: {await protector.DestroyOrganizationKeysAsync(org, cancellationToken)}");
                }

                erased.Add($"consent records: {await EraseConsentsAsync(subject, cancellationToken)}");
                outcome = "Erased (records kept unreadable). " + string.Join("; ", erased);
                request.SubjectEmail = null;
                break;

            case PrivacyRequestKind.Rectification:
                var correction = JsonSerializer.Deserialize<Correction>(request.CorrectionJson!)!;
                var rectification = new Rectification(
                    correction.Name,
                    correction.Email,
                    correction.Email is null ? null : await protector.SearchHashAsync(correction.Email, cancellationToken),
                    correction.Phone);
                var changed = new List<string>();
                foreach (var source in sources)
                {
                    changed.Add($"{source.Name}: {await source.RectifyAsync(subject, rectification, cancellationToken)}");
                }

                outcome = "Rectified. " + string.Join("; ", changed);
                break;

            default:
                AddConsent(request.SubjectEmailHash!, request.OrganizationId, ConsentRecord.SellOrShare, granted: false, "privacy-request", actor);
                outcome = "Recorded: do not sell or share.";
                break;
        }

        Close(request, PrivacyRequestStatus.Completed, actor, outcome);
        Audit("access.privacy.request-completed", request, new { request.Kind, outcome, completedBy = actor });
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    public async Task<Result<PrivacyRequest>> RejectAsync(Guid id, string reason, string actor, CancellationToken cancellationToken)
    {
        var found = await OpenRequestAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var request = found.Value;

        Close(request, PrivacyRequestStatus.Rejected, actor, "Rejected: " + reason.Trim());
        Audit("access.privacy.request-rejected", request, new { request.Kind, reason, rejectedBy = actor });
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>
    /// The access export: a ZIP with <c>manifest.json</c>, the subject's consent history and one JSON file per module.
    /// Built on demand, never stored; downloading it completes an open access request.
    /// </summary>
    public async Task<Result<byte[]>> ExportAsync(Guid id, string actor, CancellationToken cancellationToken)
    {
        if (await db.PrivacyRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } request)
        {
            return Error.NotFound("Privacy request", id);
        }

        if (request.Kind != PrivacyRequestKind.Access || request.Status == PrivacyRequestStatus.Rejected)
        {
            return Error.Conflict($"Only an access request that was not rejected has an export; this one is a {request.Kind} request ({request.Status}).");
        }

        var subject = new DataSubject(request.SubjectEmail, request.SubjectEmailHash, request.OrganizationId);
        using var buffer = new MemoryStream();
        var counts = new Dictionary<string, int>();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var source in sources)
            {
                var records = await source.ExportAsync(subject, cancellationToken);
                counts[source.Name] = records.Count;
                await WriteJsonAsync(zip, $"{source.Name}.json", records, cancellationToken);
            }

            var consents = await ConsentsOf(subject).OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);
            counts["consents"] = consents.Count;
            await WriteJsonAsync(zip, "consents.json", consents.ConvertAll(ToDto), cancellationToken);
            await WriteJsonAsync(zip, "manifest.json", new
            {
                requestId = request.Id,
                subject = (object?)request.SubjectEmail ?? new { organizationId = request.OrganizationId },
                law = request.Law,
                generatedAt = time.GetUtcNow().UtcDateTime,
                records = counts,
            }, cancellationToken);
        }

        if (request.Status == PrivacyRequestStatus.Open)
        {
            Close(request, PrivacyRequestStatus.Completed, actor, "Exported: " + string.Join("; ", counts.Select(c => $"{c.Key}: {c.Value}")));
        }

        Audit("access.privacy.exported", request, new { records = counts, exportedBy = actor });
        await db.SaveChangesAsync(cancellationToken);
        return buffer.ToArray();
    }

    public async Task<ConsentStatusDto> RecordConsentAsync(RecordConsentRequest request, string actor, CancellationToken cancellationToken)
    {
        var hash = await protector.SearchHashAsync(request.Email, cancellationToken);
        AddConsent(hash, request.OrganizationId, request.Purpose, request.Granted!.Value, request.Source, actor);
        audit.Stage(db, new AuditRecord("access.privacy.consent-recorded", "consent", hash, After: new { request.Purpose, request.Granted, request.Source, recordedBy = actor }, OrganizationId: request.OrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        return await ConsentStatusAsync(request.Email, cancellationToken);
    }

    public async Task<ConsentStatusDto> ConsentStatusAsync(string email, CancellationToken cancellationToken)
    {
        var hash = await protector.SearchHashAsync(email, cancellationToken);
        var history = await db.Consents.AsNoTracking().Where(c => c.SubjectEmailHash == hash).OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var current = history.GroupBy(c => c.Purpose).Select(g => g.Last()).OrderBy(c => c.Purpose, StringComparer.Ordinal).ToList();
        var doNotSell = current.Any(c => c.Purpose == ConsentRecord.SellOrShare && !c.Granted);
        return new ConsentStatusDto(doNotSell, current.ConvertAll(ToDto), history.ConvertAll(ToDto));
    }

    /// <summary>
    /// The public opt-out: recorded at once (CCPA asks for no verification of an opt-out) and tracked as a completed
    /// request, so the register shows every opt-out with its date.
    /// </summary>
    public async Task<PrivacyRequest> OptOutOfSaleAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var hash = await protector.SearchHashAsync(normalized, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        AddConsent(hash, null, ConsentRecord.SellOrShare, granted: false, "public-form", null);
        var request = new PrivacyRequest
        {
            Id = Guid.CreateVersion7(),
            Kind = PrivacyRequestKind.DoNotSell,
            Law = PrivacyLaw.Ccpa,
            SubjectEmailHash = hash,
            Status = PrivacyRequestStatus.Completed,
            ReceivedAt = now,
            DueAt = now.AddDays(options.Value.CcpaResponseDays),
            CompletedAt = now,
            CompletedBy = "public-form",
            Outcome = "Recorded: do not sell or share.",
        };
        db.PrivacyRequests.Add(request);
        Audit("access.privacy.opted-out", request, new { request.Kind, source = "public-form" });
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>Purges every retention category configured in <see cref="AccessOptions.RetentionDays"/>.</summary>
    public async Task<Dictionary<string, int>> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var purged = new Dictionary<string, int>();
        foreach (var policy in retention)
        {
            if (options.Value.RetentionDays.TryGetValue(policy.Category, out var days))
            {
                var category = policy.Category;
                var cutoff = now.AddDays(-days);
                var count = await policy.PurgeOlderThanAsync(cutoff, cancellationToken);
                purged[category] = count;
                // The purge runs in the owning module's store (one bulk delete there), so its entry stands on its own.
                await audit.AppendAsync(new AuditRecord("access.privacy.retention-purged", "retention", category, After: new { days, cutoff, count }), cancellationToken);
            }
        }

        return purged;
    }

    private async Task<Result<PrivacyRequest>> OpenRequestAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.PrivacyRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } request)
        {
            return Error.NotFound("Privacy request", id);
        }

        return request.Status == PrivacyRequestStatus.Open
            ? request
            : Error.Conflict($"The request is already {request.Status.ToString().ToLowerInvariant()}.");
    }

    private void Close(PrivacyRequest request, PrivacyRequestStatus status, string actor, string outcome)
    {
        request.Status = status;
        request.CompletedAt = time.GetUtcNow().UtcDateTime;
        request.CompletedBy = actor;
        request.Outcome = outcome.Length > 2000 ? outcome[..2000] : outcome;
    }

    private void AddConsent(string hash, Guid? organizationId, string purpose, bool granted, string source, string? actor) =>
        db.Consents.Add(new ConsentRecord
        {
            Id = Guid.CreateVersion7(),
            SubjectEmailHash = hash,
            OrganizationId = organizationId,
            Purpose = purpose,
            Granted = granted,
            Source = source,
            RecordedAt = time.GetUtcNow().UtcDateTime,
            RecordedBy = actor,
        });

    private IQueryable<ConsentRecord> ConsentsOf(DataSubject subject) => subject.OrganizationId is { } org
        ? db.Consents.Where(c => c.OrganizationId == org)
        : db.Consents.Where(c => c.SubjectEmailHash == subject.EmailHash);

    // The consent history is kept as evidence of what was agreed; erasing the person unlinks it from their hash.
    private async Task<int> EraseConsentsAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var consents = await ConsentsOf(subject).ToListAsync(cancellationToken);
        foreach (var consent in consents)
        {
            consent.SubjectEmailHash = "erased-" + consent.Id.ToString("N");
        }

        return consents.Count;
    }

    private static ConsentDto ToDto(ConsentRecord c) => new(c.Purpose, c.Granted, c.Source, c.RecordedAt, c.RecordedBy);

    private static async Task WriteJsonAsync(ZipArchive zip, string name, object value, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(stream, value, ExportJson, cancellationToken);
    }

    /// <summary>Stages the request's audit entry: it is written by the save that records the request's change.</summary>
    private void Audit(string action, PrivacyRequest request, object after) =>
        audit.Stage(db, new AuditRecord(action, "privacy-request", request.Id.ToString(), After: after, OrganizationId: request.OrganizationId));

    private sealed record Correction(string? Name, string? Email, string? Phone);

    private async Task<List<string>> NamesAndAddressesAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        if (subject.Email is { } address)
        {
            found.Add(address);
        }

        foreach (var source in sources)
        {
            foreach (var record in await source.ExportAsync(subject, cancellationToken))
            {
                Collect(JsonSerializer.SerializeToElement(record.Data, ExportJson), found);
            }
        }

        return found;

        static void Collect(JsonElement element, List<string> into)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, into);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String &&
                        SubjectFields.Contains(property.Name) &&
                        property.Value.GetString() is { Length: >= 3 } value && value != FieldProtector.ErasedValue)
                    {
                        into.Add(value);
                    }
                    else
                    {
                        Collect(property.Value, into);
                    }
                }
            }
        }
    }
}
