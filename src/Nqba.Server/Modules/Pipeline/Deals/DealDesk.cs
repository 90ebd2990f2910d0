using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// The pipeline's command service: opens a lead's deal, advances it from what events tell, and moves or edits it for a
/// person, checking the stage's gates. Every change writes its stage history, audit entry and events in one
/// transaction. Two writers of one deal are kept apart by its <see cref="Deal.Version"/> token, and one lead never gets
/// two deals (a unique index; the loser of that race takes the winner's deal).
/// </summary>
internal sealed class DealDesk(PipelineDbContext db, IIntakeLeads leads, IClientDirectory clients, IAuditLedger audit, IOptions<PipelineOptions> options, TimeProvider time)
{
    /// <summary>How often an automatic move is tried again when another writer changed the deal meanwhile.</summary>
    private const int AutomaticMoveAttempts = 5;

    /// <summary>The largest deal value accepted (the column holds 18 digits with 2 decimals).</summary>
    private const decimal MaxValue = 1_000_000_000_000m;

    /// <summary>
    /// The lead's deal, opened at <see cref="DealStage.Contact"/> if it has none yet and caught up with what the lead has
    /// already done (assessed, routed) with those moves' own times. Null when there is no such lead.
    /// </summary>
    public async Task<Deal?> OpenForLeadAsync(Guid leadId, string by, CancellationToken cancellationToken)
    {
        if (await db.Deals.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.LeadId == leadId, cancellationToken) is { } existing)
        {
            return existing;
        }

        if (await leads.FindProgressAsync(leadId, cancellationToken) is not { } lead)
        {
            return null;
        }

        var deal = new Deal
        {
            Id = Guid.CreateVersion7(),
            LeadId = lead.LeadId,
            OrganizationId = lead.OrganizationId,
            Title = !string.IsNullOrWhiteSpace(lead.CompanyName) ? lead.CompanyName.Trim()
                : (await clients.FindAsync(lead.OrganizationId, cancellationToken))?.Name ?? "Unnamed company",
            UnitCode = lead.UnitCode,
            OwnerId = lead.SpecialistId,
            Stage = DealStage.Contact,
            StageEnteredAt = lead.CapturedAt,
            Currency = options.Value.DefaultCurrency,
            CreatedAt = lead.CapturedAt,
        };
        db.Deals.Add(deal);
        Record(deal, null, DealStage.Contact, lead.CapturedAt, by, "lead captured");
        if (lead.AssessedAt is { } assessedAt)
        {
            Enter(deal, DealStage.Assessed, assessedAt, by, "SigmaEQ assessment completed");
        }

        if (lead.RoutedAt is { } routedAt)
        {
            Enter(deal, DealStage.Routed, routedAt, by, $"routed to {lead.UnitCode}");
        }

        audit.Stage(db, new AuditRecord("pipeline.deal.opened", "deal", deal.Id.ToString(), After: DealAudit.Of(deal), OrganizationId: deal.OrganizationId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return deal;
        }
        catch (DbUpdateException)
        {
            // Another delivery opened this lead's deal first (the unique LeadId): that one is the deal.
            db.ChangeTracker.Clear();
            if (await db.Deals.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.LeadId == leadId, cancellationToken) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    /// <summary>
    /// Moves the lead's deal forward to <paramref name="stage"/> because an event says it got there (opening the deal
    /// first if needed); never backwards and never out of a closed deal. <paramref name="update"/> records what the event
    /// also tells (the owner, the unit, a held demo). Returns whether anything changed.
    /// </summary>
    public async Task<bool> AdvanceAsync(Guid leadId, DealStage stage, DateTime at, string by, string reason, Action<Deal>? update, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            if (await OpenForLeadAsync(leadId, by, cancellationToken) is not { } deal)
            {
                return false;
            }

            var before = (deal.Stage, deal.OwnerId, deal.UnitCode, deal.DemoHeldAt);
            update?.Invoke(deal);
            if (!DealStages.IsClosed(deal.Stage) && stage > deal.Stage)
            {
                Enter(deal, stage, at, by, reason);
            }

            if (before == (deal.Stage, deal.OwnerId, deal.UnitCode, deal.DemoHeldAt))
            {
                return false;
            }

            audit.Stage(db, new AuditRecord("pipeline.deal.advanced", "deal", deal.Id.ToString(), After: DealAudit.Of(deal), OrganizationId: deal.OrganizationId));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < AutomaticMoveAttempts)
            {
                // A person or another event changed the deal meanwhile: read it again and decide again.
            }
        }
    }

    /// <summary>
    /// Moves the deal forward to <paramref name="stage"/> because a proposal event says it got there (sent: proposal;
    /// accepted: won), through the stage's gates as a move by hand would go: when a gate is not met (no confirmed budget,
    /// say), the deal stays where it is and the held move is recorded once for the event (<see cref="DealHeldMove"/>,
    /// shown on the deal page, and audited). Never backwards and never out of a closed deal. <paramref name="update"/>
    /// records what the event also tells (the proposal's total as the value) before the gates are checked. Returns
    /// whether the deal moved.
    /// </summary>
    public async Task<bool> AdvanceThroughGatesAsync(Guid dealId, DealStage stage, DateTime at, Guid eventId, string by, string reason, Action<Deal>? update, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            if (await db.Deals.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Id == dealId, cancellationToken) is not { } deal)
            {
                return false;
            }

            var before = DealAudit.Of(deal);
            var was = (deal.Stage, deal.Value, deal.Currency);
            update?.Invoke(deal);
            var held = false;
            if (!DealStages.IsClosed(deal.Stage) && stage > deal.Stage)
            {
                var unmet = options.Value.GatesOf(stage).Where(g => !DealGates.IsMet(deal, g)).ToList();
                if (unmet.Count == 0)
                {
                    Enter(deal, stage, at, by, reason);
                }
                else if (!await db.HeldMoves.AnyAsync(m => m.EventId == eventId, cancellationToken))
                {
                    held = true;
                    db.HeldMoves.Add(new DealHeldMove { Id = Guid.CreateVersion7(), DealId = deal.Id, EventId = eventId, Stage = stage, UnmetGates = string.Join(',', unmet), At = at, By = by, Reason = reason });
                    audit.Stage(db, new AuditRecord("pipeline.deal.move-held", "deal", deal.Id.ToString(),
                        After: new { stage = DealStages.Id(stage), unmet, by, reason }, OrganizationId: deal.OrganizationId));
                }
            }

            var changed = was != (deal.Stage, deal.Value, deal.Currency);
            if (!changed && !held)
            {
                return false;
            }

            if (changed)
            {
                audit.Stage(db, new AuditRecord("pipeline.deal.advanced", "deal", deal.Id.ToString(), Before: before, After: DealAudit.Of(deal), OrganizationId: deal.OrganizationId));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return deal.Stage == stage;
            }
            catch (DbUpdateConcurrencyException) when (attempt < AutomaticMoveAttempts)
            {
                // A person or another event changed the deal meanwhile: read it again and decide again.
            }
            catch (DbUpdateException) when (held && attempt < AutomaticMoveAttempts)
            {
                // A redelivery of the same event recorded the held move first (unique event id): decide again.
            }
        }
    }

    /// <summary>
    /// A person moves the deal to <paramref name="stageId"/>. The stage's gates must hold (409 naming each unmet one),
    /// <c>lost</c> needs one of the configured reasons, and with <paramref name="expectedVersion"/> the deal must still
    /// be at that version (412).
    /// </summary>
    public async Task<Result<Deal>> MoveAsync(Guid dealId, string? stageId, string? reason, string by, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (DealStages.Parse(stageId) is not { } stage)
        {
            return Error.Validation("stage", $"Unknown stage '{stageId}'. Stages: {DealStages.Names}.");
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (stage == DealStage.Lost && (reason is null || !options.Value.LostReasons.Contains(reason, StringComparer.Ordinal)))
        {
            return Error.Validation("reason", $"A lost deal needs a reason, one of: {string.Join(", ", options.Value.LostReasons)}.");
        }

        if (reason is { Length: > 500 })
        {
            return Error.Validation("reason", "The reason is at most 500 characters.");
        }

        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == dealId, cancellationToken);
        if (deal is null)
        {
            return Error.NotFound("Deal", dealId);
        }

        if (expectedVersion is { } version && version != deal.Version)
        {
            return Error.PreconditionFailed($"The deal changed since version {version}; it is at version {deal.Version}. Reload it and try again.");
        }

        if (deal.Stage == stage)
        {
            return deal;
        }

        var unmet = options.Value.GatesOf(stage).Where(g => !DealGates.IsMet(deal, g)).ToList();
        if (unmet.Count > 0)
        {
            return Error.Conflict($"The deal cannot enter '{DealStages.Id(stage)}' yet: {string.Join("; ", unmet.Select(DealGates.Explain))}. Unmet gate: {string.Join(", ", unmet)}.");
        }

        var before = DealAudit.Of(deal);
        Enter(deal, stage, time.GetUtcNow().UtcDateTime, by, reason);
        audit.Stage(db, new AuditRecord("pipeline.deal.moved", "deal", deal.Id.ToString(), Before: before, After: DealAudit.Of(deal), OrganizationId: deal.OrganizationId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else changed the deal at the same moment; reload it and try again.");
        }

        return deal;
    }

    /// <summary>A person edits the deal's value, currency, expected close, budget confirmation or owner.</summary>
    public async Task<Result<Deal>> UpdateAsync(Guid dealId, UpdateDealRequest request, int? expectedVersion, CancellationToken cancellationToken)
    {
        if (request.Value is < 0 or > MaxValue)
        {
            return Error.Validation("value", "value must be between 0 and 1,000,000,000,000.");
        }

        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == dealId, cancellationToken);
        if (deal is null)
        {
            return Error.NotFound("Deal", dealId);
        }

        if (expectedVersion is { } version && version != deal.Version)
        {
            return Error.PreconditionFailed($"The deal changed since version {version}; it is at version {deal.Version}. Reload it and try again.");
        }

        var before = DealAudit.Of(deal);
        deal.Value = request.Value ?? deal.Value;
        deal.Currency = request.Currency?.ToUpperInvariant() ?? deal.Currency;
        deal.ExpectedClose = request.ExpectedClose ?? deal.ExpectedClose;
        deal.BudgetConfirmed = request.BudgetConfirmed ?? deal.BudgetConfirmed;
        deal.OwnerId = request.OwnerId ?? deal.OwnerId;
        audit.Stage(db, new AuditRecord("pipeline.deal.updated", "deal", deal.Id.ToString(), Before: before, After: DealAudit.Of(deal), OrganizationId: deal.OrganizationId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else changed the deal at the same moment; reload it and try again.");
        }

        return deal;
    }

    /// <summary>A person keeps a note on the deal (audited without its text, which may name people).</summary>
    public async Task<Result<DealNote>> AddNoteAsync(Guid dealId, string? text, string by, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > DealNote.MaxLength || FormBinding.HasControlCharacter(trimmed))
        {
            return Error.Validation("text", $"text is 1 to {DealNote.MaxLength} characters of text.");
        }

        var deal = await db.Deals.AsNoTracking().Where(d => d.Id == dealId).Select(d => new { d.Id, d.OrganizationId }).FirstOrDefaultAsync(cancellationToken);
        if (deal is null)
        {
            return Error.NotFound("Deal", dealId);
        }

        var note = new DealNote { Id = Guid.CreateVersion7(), DealId = deal.Id, OrganizationId = deal.OrganizationId, Text = trimmed, By = by, At = time.GetUtcNow().UtcDateTime };
        db.DealNotes.Add(note);
        audit.Stage(db, new AuditRecord("pipeline.deal.noted", "deal", deal.Id.ToString(), After: new { note = note.Id, length = trimmed.Length }, OrganizationId: deal.OrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    /// <summary>Puts the deal into <paramref name="stage"/> at <paramref name="at"/> with its history row and events.</summary>
    private void Enter(Deal deal, DealStage stage, DateTime at, string by, string? reason)
    {
        var from = deal.Stage;
        var stayed = (at - deal.StageEnteredAt).TotalDays;
        deal.Stage = stage;
        deal.StageEnteredAt = at;
        deal.StalledNotifiedAt = null;
        deal.ClosedAt = DealStages.IsClosed(stage) ? at : null;
        deal.LostReason = stage == DealStage.Lost ? reason : null;
        Record(deal, from, stage, at, by, reason, stayed);
        db.Publish(new DealStageChanged(deal.Id, deal.OrganizationId, deal.LeadId, DealStages.Id(from), DealStages.Id(stage), by, at), at);
        if (stage == DealStage.Won)
        {
            db.Publish(new DealWon(deal.Id, deal.OrganizationId, deal.LeadId, deal.OwnerId, deal.UnitCode, deal.Value, deal.Currency, at), at);
        }
        else if (stage == DealStage.Lost)
        {
            db.Publish(new DealLost(deal.Id, deal.OrganizationId, deal.LeadId, reason ?? string.Empty, at), at);
        }
    }

    private void Record(Deal deal, DealStage? from, DealStage to, DateTime at, string by, string? reason, double? fromStageDays = null) =>
        db.StageChanges.Add(new DealStageChange { Id = Guid.CreateVersion7(), DealId = deal.Id, FromStage = from, ToStage = to, At = at, By = by, Reason = reason, FromStageDays = fromStageDays });
}

/// <summary>What the audit ledger keeps of a deal: no personal data, only the business facts.</summary>
internal static class DealAudit
{
    public static object Of(Deal deal) => new
    {
        stage = DealStages.Id(deal.Stage),
        deal.UnitCode,
        deal.OwnerId,
        deal.Value,
        deal.Currency,
        deal.ExpectedClose,
        deal.BudgetConfirmed,
        deal.LostReason,
    };
}
