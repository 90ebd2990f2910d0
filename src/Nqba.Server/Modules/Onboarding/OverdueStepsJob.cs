using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Onboarding.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// Finds the open onboarding steps past their due date: raises <see cref="OnboardingStepOverdue"/> once for each (its
/// owner is mailed from that event), and <see cref="OnboardingStepEscalated"/> once when the step is still open
/// <see cref="OnboardingOptions.EscalationHours"/> later. A step given a new due date is watched afresh. Runs on
/// <see cref="OnboardingOptions.OverdueCheckCron"/> (hourly by default); a missed run fires once when an instance starts.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class OverdueStepsJob(OnboardingDbContext db, IOptions<OnboardingOptions> options, TimeProvider time) : INqbaJob
{
    /// <summary>Steps flagged per transaction.</summary>
    private const int BatchSize = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var escalateBefore = now.AddHours(-options.Value.EscalationHours);
        while (true)
        {
            var due = await (
                from s in db.Steps
                join o in db.Onboardings.IgnoreQueryFilters() on s.OnboardingId equals o.Id
                where s.Status == OnboardingStepStatus.Pending && s.DueAt < now &&
                      (s.OverdueNotifiedAt == null || (s.EscalatedAt == null && s.OverdueNotifiedAt <= escalateBefore))
                orderby s.DueAt
                select new { Step = s, o.OrganizationId, OnboardingOwnerId = o.OwnerId }).Take(BatchSize).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            foreach (var (step, organizationId, onboardingOwnerId) in due.Select(d => (d.Step, d.OrganizationId, d.OnboardingOwnerId)))
            {
                var owner = step.OwnerId ?? onboardingOwnerId;
                if (step.OverdueNotifiedAt is null)
                {
                    step.OverdueNotifiedAt = now;
                    db.Publish(new OnboardingStepOverdue(step.OnboardingId, organizationId, OnboardingSteps.Id(step.Kind), owner, step.DueAt, now), now);
                }
                else
                {
                    step.EscalatedAt = now;
                    db.Publish(new OnboardingStepEscalated(step.OnboardingId, organizationId, OnboardingSteps.Id(step.Kind), owner, onboardingOwnerId, step.DueAt, now), now);
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A person completed or moved one of them meantime: look again.
            }

            db.ChangeTracker.Clear();
        }
    }
}
