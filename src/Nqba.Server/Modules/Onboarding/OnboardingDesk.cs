using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Onboarding.Persistence;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// The onboarding's command service: opens a client's onboarding when their deal is won (once, whatever the number of
/// deliveries) and records a step as done with its evidence, audited and raising its events in the same transaction.
/// </summary>
internal sealed class OnboardingDesk(OnboardingDbContext db, IAuditLedger audit, TimeProvider time)
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
            Steps = [.. OnboardingSteps.Plan.Select(p => new OnboardingStep { Id = Guid.CreateVersion7(), Kind = p.Kind, DueAt = won.At + p.Due, Status = OnboardingStepStatus.Pending })],
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
            return Error.Validation("step", $"Unknown step '{stepId}'. Steps: {string.Join(", ", Enum.GetValues<OnboardingStepKind>().Select(OnboardingSteps.Id))}.");
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
}
