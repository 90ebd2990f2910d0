using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Onboarding.Persistence;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// The onboarding's command service: opens a client's onboarding when their deal is won (once, whatever the number of
/// deliveries), records a step as done with its evidence, reassigns a step's owner or due date, and records invoices;
/// each change audited and raising its events in the same transaction.
/// </summary>
internal sealed class OnboardingDesk(OnboardingDbContext db, IAuditLedger audit, ICompanyDirectory company, IClientProvisioning provisioning, IOptions<OnboardingOptions> options, TimeProvider time)
{
    /// <summary>The longest evidence text kept with a step.</summary>
    public const int MaxEvidenceLength = 2000;

    public async Task<ClientOnboarding?> StartAsync(DealWon won, CancellationToken cancellationToken)
    {
        if (won.OrganizationId is not { } organizationId)
        {
            return null;
        }

        if (await db.Onboardings.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken) is { } existing)
        {
            return existing; // one onboarding per client: a second won deal (an upsell) does not start another
        }

        var onboarding = new ClientOnboarding
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            DealId = won.DealId,
            OwnerId = won.OwnerId,
            UnitCode = won.UnitCode,
            StartedAt = won.At,
            Steps = [.. OnboardingSteps.Plan.Select(p => new OnboardingStep
            {
                Id = Guid.CreateVersion7(),
                Kind = p.Kind,
                DueAt = won.At + options.Value.DueAfterWin(p.Kind),
                Status = OnboardingStepStatus.Pending,
                OwnerId = won.OwnerId,
            })],
        };
        db.Onboardings.Add(onboarding);
        db.Publish(new OnboardingStarted(onboarding.Id, organizationId, won.DealId, won.At), won.At);
        audit.Stage(db, new AuditRecord("onboarding.started", "onboarding", onboarding.Id.ToString(), After: new { won.DealId, steps = onboarding.Steps.Count }, OrganizationId: organizationId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return onboarding;
        }
        catch (DbUpdateException)
        {
            // Another delivery started it first (unique organization): that one is the onboarding.
            db.ChangeTracker.Clear();
            if (await db.Onboardings.IgnoreQueryFilters().FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    /// <summary>Marks the organization's step done with its evidence; done twice, the first completion stands (409).</summary>
    public async Task<Result<ClientOnboarding>> CompleteAsync(Guid organizationId, string? stepId, string? evidence, string by, CancellationToken cancellationToken)
    {
        if (OnboardingSteps.Parse(stepId) is not { } kind)
        {
            return UnknownStep(stepId);
        }

        evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        if (evidence is null || evidence.Length > MaxEvidenceLength)
        {
            return Error.Validation("evidence", $"Say what shows the step is done (a contract reference, an invoice number, who attended), at most {MaxEvidenceLength} characters.");
        }

        var onboarding = await db.Onboardings.Include(o => o.Steps).FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken);
        if (onboarding is null)
        {
            return Error.NotFound("Onboarding of organization", organizationId);
        }

        var step = onboarding.Steps.Single(s => s.Kind == kind);
        if (step.Status == OnboardingStepStatus.Done)
        {
            return Error.Conflict($"The step '{OnboardingSteps.Id(kind)}' was already done at {step.CompletedAt:yyyy-MM-dd HH:mm} UTC.");
        }

        MarkDone(onboarding, step, evidence, by);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict($"Someone else completed the step '{OnboardingSteps.Id(kind)}' at the same moment.");
        }

        return onboarding;
    }

    /// <summary>Gives a step to another specialist and/or moves its due date; the overdue warnings start afresh.</summary>
    public async Task<Result<ClientOnboarding>> AssignAsync(Guid organizationId, string? stepId, Guid? ownerId, DateTime? dueAt, string by, CancellationToken cancellationToken)
    {
        if (OnboardingSteps.Parse(stepId) is not { } kind)
        {
            return UnknownStep(stepId);
        }

        if (ownerId is null && dueAt is null)
        {
            return Error.Validation("ownerId", "Name the step's new owner (ownerId), its new due date (dueAt), or both.");
        }

        if (ownerId is { } owner && (await company.GetAsync(cancellationToken)).Specialists.All(s => s.Id != owner))
        {
            return Error.Validation("ownerId", $"'{owner}' is not an active specialist: a step's owner is a member of staff.");
        }

        var onboarding = await db.Onboardings.Include(o => o.Steps).FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken);
        if (onboarding is null)
        {
            return Error.NotFound("Onboarding of organization", organizationId);
        }

        // A time without a zone is UTC, as every time in the API.
        dueAt = dueAt is { } given ? given.Kind == DateTimeKind.Local ? given.ToUniversalTime() : DateTime.SpecifyKind(given, DateTimeKind.Utc) : null;
        if (dueAt is { } due && due < onboarding.StartedAt)
        {
            return Error.Validation("dueAt", $"A step cannot be due before the onboarding started ({onboarding.StartedAt:yyyy-MM-dd HH:mm} UTC).");
        }

        var step = onboarding.Steps.Single(s => s.Kind == kind);
        if (step.Status == OnboardingStepStatus.Done)
        {
            return Error.Conflict($"The step '{OnboardingSteps.Id(kind)}' is done already; there is nothing left to reassign.");
        }

        var before = new { step.OwnerId, step.DueAt };
        step.OwnerId = ownerId ?? step.OwnerId;
        if (dueAt is { } newDue)
        {
            step.DueAt = newDue;
            step.OverdueNotifiedAt = null;
            step.EscalatedAt = null;
        }

        audit.Stage(db, new AuditRecord("onboarding.step.assigned", "onboarding", onboarding.Id.ToString(), before, new { step = OnboardingSteps.Id(kind), step.OwnerId, step.DueAt, by }, organizationId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict($"The step '{OnboardingSteps.Id(kind)}' changed at the same moment; look again.");
        }

        return onboarding;
    }

    /// <summary>
    /// Records an invoice (number, amount, currency, status); a paid one completes the payment step when it is still
    /// open, in the same transaction. An invoice number that looks like a card number is refused: no card data is kept.
    /// </summary>
    public async Task<Result<ClientOnboarding>> RecordPaymentAsync(Guid organizationId, RecordPaymentRequest request, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invoice = request.InvoiceNumber?.Trim();
        var currency = request.Currency?.Trim().ToUpperInvariant();
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(invoice) || invoice.Length > OnboardingPayments.MaxInvoiceNumberLength)
        {
            fields["invoiceNumber"] = [$"The invoice number is required, at most {OnboardingPayments.MaxInvoiceNumberLength} characters."];
        }
        else if (OnboardingPayments.LooksLikeCardNumber(invoice))
        {
            fields["invoiceNumber"] = ["This looks like a payment card number. Card data is never stored: enter the invoice number."];
        }

        if (request.Amount is not { } amount || amount <= 0 || amount > 1_000_000_000m)
        {
            fields["amount"] = ["The amount is required and must be more than 0."];
        }

        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            fields["currency"] = ["The currency is a three-letter ISO 4217 code, such as USD or EUR."];
        }

        var status = request.Status is null ? PaymentStatus.Issued : OnboardingPayments.Parse(request.Status);
        if (status is null)
        {
            fields["status"] = ["The status is issued, paid or void."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var onboarding = await db.Onboardings.Include(o => o.Steps).Include(o => o.Payments).FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken);
        if (onboarding is null)
        {
            return Error.NotFound("Onboarding of organization", organizationId);
        }

        if (onboarding.Payments.Any(p => string.Equals(p.InvoiceNumber, invoice, StringComparison.OrdinalIgnoreCase)))
        {
            return Error.Conflict($"The invoice '{invoice}' is recorded already; change its status instead.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var payment = new OnboardingPayment
        {
            Id = Guid.CreateVersion7(),
            OnboardingId = onboarding.Id,
            OrganizationId = organizationId,
            InvoiceNumber = invoice!,
            Amount = request.Amount!.Value,
            Currency = currency!,
            Status = status!.Value,
            RecordedAt = now,
            RecordedBy = by,
            UpdatedAt = now,
        };
        db.Payments.Add(payment);
        audit.Stage(db, new AuditRecord("onboarding.payment.recorded", "onboarding", onboarding.Id.ToString(), After: new { payment.InvoiceNumber, payment.Amount, payment.Currency, status = OnboardingPayments.Id(payment.Status) }, OrganizationId: organizationId));
        CompletePaymentStepIfPaid(onboarding, payment, by);
        return await SaveAsync(onboarding, $"The invoice '{invoice}' was recorded at the same moment.", cancellationToken);
    }

    /// <summary>Moves an invoice on: issued → paid or void, paid → void; void is final.</summary>
    public async Task<Result<ClientOnboarding>> ChangePaymentStatusAsync(Guid organizationId, Guid paymentId, string? statusId, string by, CancellationToken cancellationToken)
    {
        if (OnboardingPayments.Parse(statusId) is not { } status)
        {
            return Error.Validation("status", "The status is issued, paid or void.");
        }

        var onboarding = await db.Onboardings.Include(o => o.Steps).Include(o => o.Payments).FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken);
        if (onboarding?.Payments.FirstOrDefault(p => p.Id == paymentId) is not { } payment)
        {
            return Error.NotFound("Invoice", paymentId);
        }

        if (payment.Status == status)
        {
            return onboarding;
        }

        if (payment.Status == PaymentStatus.Void || status == PaymentStatus.Issued)
        {
            return Error.Conflict($"The invoice '{payment.InvoiceNumber}' is {OnboardingPayments.Id(payment.Status)}: it cannot become {OnboardingPayments.Id(status)}.");
        }

        audit.Stage(db, new AuditRecord("onboarding.payment.status-changed", "onboarding", onboarding.Id.ToString(), new { payment.InvoiceNumber, status = OnboardingPayments.Id(payment.Status) }, new { payment.InvoiceNumber, status = OnboardingPayments.Id(status), by }, organizationId));
        payment.Status = status;
        payment.UpdatedAt = time.GetUtcNow().UtcDateTime;
        CompletePaymentStepIfPaid(onboarding, payment, by);
        return await SaveAsync(onboarding, $"The invoice '{payment.InvoiceNumber}' changed at the same moment; look again.", cancellationToken);
    }

    /// <summary>
    /// Provisions the client organization's users through Access (all or none, each invited by e-mail); when every
    /// requested user exists the provisioning step is done, with the count as its evidence. Audited by counts and
    /// user ids only: no address or name enters the ledger.
    /// </summary>
    public async Task<Result<ProvisionedBatch>> ProvisionAsync(Guid organizationId, ProvisionUsersRequest request, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Users is not { Count: > 0 } requested)
        {
            return Error.Validation("users", "List the users to provision: each with email, name and role.");
        }

        if (request.Language is { } language && !UiCultures.IsSupported(language))
        {
            return Error.Validation("language", $"The invitation language is one of {string.Join(", ", UiCultures.Codes)}.");
        }

        var onboarding = await db.Onboardings.Include(o => o.Steps).FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken);
        if (onboarding is null)
        {
            return Error.NotFound("Onboarding of organization", organizationId);
        }

        var provisioned = await provisioning.ProvisionAsync(organizationId, requested, request.Language, cancellationToken);
        if (!provisioned.Succeeded)
        {
            return provisioned.Error;
        }

        var users = provisioned.Value.Users;
        var created = provisioned.Value.Created;
        // A concurrent provisioning may complete the step first (its concurrency token): then this one only records itself.
        for (var attempt = 1; ; attempt++)
        {
            audit.Stage(db, new AuditRecord("onboarding.users.provisioned", "onboarding", onboarding.Id.ToString(),
                After: new { requested = users.Count, created, userIds = users.Select(u => u.UserId), roles = users.GroupBy(u => u.Role).ToDictionary(g => g.Key, g => g.Count()), by }, OrganizationId: organizationId));
            var step = onboarding.Steps.Single(s => s.Kind == OnboardingStepKind.Provisioning);
            if (step.Status == OnboardingStepStatus.Pending)
            {
                MarkDone(onboarding, step, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{users.Count} users provisioned ({created} new), each invited by e-mail"), by);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                onboarding = await db.Onboardings.Include(o => o.Steps).FirstAsync(o => o.OrganizationId == organizationId, cancellationToken);
            }
        }

        return provisioned.Value;
    }

    /// <summary>Schedules a training session for one client role (title, role, start in UTC, duration in minutes).</summary>
    public async Task<Result<TrainingSession>> ScheduleTrainingAsync(Guid organizationId, ScheduleTrainingRequest request, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new Dictionary<string, string[]>();
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > Training.MaxTitleLength)
        {
            fields["title"] = [$"The title is required, at most {Training.MaxTitleLength} characters."];
        }

        if (!provisioning.ClientRoles.Contains(request.Role ?? string.Empty, StringComparer.Ordinal))
        {
            fields["role"] = [$"The role is one of the client roles: {string.Join(", ", provisioning.ClientRoles)}."];
        }

        if (request.StartsAt is null)
        {
            fields["startsAt"] = ["When the session starts (UTC) is required."];
        }

        if (request.DurationMinutes is not (>= Training.MinDurationMinutes and <= Training.MaxDurationMinutes))
        {
            fields["durationMinutes"] = [$"The duration is {Training.MinDurationMinutes} to {Training.MaxDurationMinutes} minutes."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        var onboarding = await db.Onboardings.AsNoTracking().FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken);
        if (onboarding is null)
        {
            return Error.NotFound("Onboarding of organization", organizationId);
        }

        // A time without a zone is UTC, as every time in the API.
        var starts = request.StartsAt!.Value;
        starts = starts.Kind == DateTimeKind.Local ? starts.ToUniversalTime() : DateTime.SpecifyKind(starts, DateTimeKind.Utc);
        var session = new TrainingSession
        {
            Id = Guid.CreateVersion7(),
            OnboardingId = onboarding.Id,
            OrganizationId = organizationId,
            Title = title!,
            Role = request.Role!,
            StartsAt = starts,
            DurationMinutes = request.DurationMinutes!.Value,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = by,
        };
        db.TrainingSessions.Add(session);
        audit.Stage(db, new AuditRecord("onboarding.training.scheduled", "onboarding", onboarding.Id.ToString(), After: new { session.Id, session.Title, session.Role, session.StartsAt, session.DurationMinutes, by }, OrganizationId: organizationId));
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>
    /// Records who attended a session: provisioned users of the organization with the session's role; a user recorded
    /// already stays recorded once. When every provisioned user has attended a session for their role, the training
    /// step is done in the same transaction.
    /// </summary>
    public async Task<Result<TrainingSession>> RecordAttendanceAsync(Guid organizationId, Guid sessionId, RecordAttendanceRequest request, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.UserIds is not { Count: > 0 } userIds)
        {
            return Error.Validation("userIds", "Name the users (their ids) who attended.");
        }

        var onboarding = await db.Onboardings.Include(o => o.Steps).FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken);
        if (onboarding is null)
        {
            return Error.NotFound("Onboarding of organization", organizationId);
        }

        var members = (await provisioning.MembersAsync([organizationId], cancellationToken)).GetValueOrDefault(organizationId) ?? [];
        for (var attempt = 1; ; attempt++)
        {
            var sessions = await db.TrainingSessions.Include(s => s.Attendance).Where(s => s.OnboardingId == onboarding.Id).ToListAsync(cancellationToken);
            if (sessions.FirstOrDefault(s => s.Id == sessionId) is not { } session)
            {
                return Error.NotFound("Training session", sessionId);
            }

            var fields = new Dictionary<string, string[]>();
            for (var i = 0; i < userIds.Count; i++)
            {
                if (members.FirstOrDefault(m => m.UserId == userIds[i]) is not { } member)
                {
                    fields[$"userIds[{i}]"] = ["Not a provisioned user of this client."];
                }
                else if (member.Role != session.Role)
                {
                    fields[$"userIds[{i}]"] = [$"This user's role is {member.Role}; the session trains {session.Role}."];
                }
            }

            if (fields.Count > 0)
            {
                return Error.Validation(fields);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var added = userIds.Distinct().Where(u => session.Attendance.All(a => a.UserId != u)).ToList();
            foreach (var user in added)
            {
                // Added to the set, not only the collection: a new row with its own key is an insert, not an update.
                db.TrainingAttendance.Add(new TrainingAttendance { Id = Guid.CreateVersion7(), SessionId = session.Id, OrganizationId = organizationId, UserId = user, RecordedAt = now, RecordedBy = by });
            }

            if (added.Count > 0)
            {
                audit.Stage(db, new AuditRecord("onboarding.training.attended", "onboarding", onboarding.Id.ToString(), After: new { session = session.Id, userIds = added, by }, OrganizationId: organizationId));
            }

            var step = onboarding.Steps.Single(s => s.Kind == OnboardingStepKind.Training);
            if (step.Status == OnboardingStepStatus.Pending && Training.EveryoneTrained(members, sessions))
            {
                MarkDone(onboarding, step, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"All {members.Count} provisioned users attended training for their role ({sessions.Count(s => s.Attendance.Count > 0)} sessions)"), by);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return session;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The same attendance recorded at the same moment, or the step completed meantime: look again.
                db.ChangeTracker.Clear();
                onboarding = await db.Onboardings.Include(o => o.Steps).FirstAsync(o => o.OrganizationId == organizationId, cancellationToken);
            }
        }
    }

    private void CompletePaymentStepIfPaid(ClientOnboarding onboarding, OnboardingPayment payment, string by)
    {
        var step = onboarding.Steps.Single(s => s.Kind == OnboardingStepKind.Payment);
        if (payment.Status == PaymentStatus.Paid && step.Status == OnboardingStepStatus.Pending)
        {
            MarkDone(onboarding, step, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Invoice {payment.InvoiceNumber} paid ({payment.Amount:0.00} {payment.Currency})"), by);
        }
    }

    private async Task<Result<ClientOnboarding>> SaveAsync(ClientOnboarding onboarding, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return onboarding;
        }
        catch (DbUpdateException)
        {
            // A concurrent change (the same invoice recorded twice, or the step completed meantime): nothing was saved.
            return Error.Conflict(conflict);
        }
    }

    /// <summary>Marks the step done (audited, <see cref="OnboardingStepCompleted"/>; go-live makes the client live); saved by the caller.</summary>
    private void MarkDone(ClientOnboarding onboarding, OnboardingStep step, string evidence, string by)
    {
        var kind = step.Kind;
        var organizationId = onboarding.OrganizationId;
        var now = time.GetUtcNow().UtcDateTime;
        step.Status = OnboardingStepStatus.Done;
        step.CompletedAt = now;
        step.CompletedBy = by;
        step.Evidence = evidence;
        db.Publish(new OnboardingStepCompleted(onboarding.Id, organizationId, OnboardingSteps.Id(kind), (now - onboarding.StartedAt).TotalHours, now), now);
        if (kind == OnboardingStepKind.GoLive)
        {
            onboarding.LiveAt = now;
            db.Publish(new ClientWentLive(onboarding.Id, organizationId, (now - onboarding.StartedAt).TotalHours, now), now);
        }

        audit.Stage(db, new AuditRecord("onboarding.step.completed", "onboarding", onboarding.Id.ToString(), After: new { step = OnboardingSteps.Id(kind), evidence }, OrganizationId: organizationId));
    }

    private static Error UnknownStep(string? stepId) =>
        Error.Validation("step", $"Unknown step '{stepId}'. Steps: {string.Join(", ", Enum.GetValues<OnboardingStepKind>().Select(OnboardingSteps.Id))}.");
}
