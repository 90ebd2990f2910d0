using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Runbooks;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>
/// Applies a check's outcome: a failure makes the monitor pending, and down once <c>Retries + 1</c> consecutive
/// checks have failed (the component's downtime then counts from the first of them, see
/// <see cref="ComponentStates.RefreshAsync"/>); the
/// component's state, history and incidents follow; runbooks run when the component goes down, and again (within
/// their cooldown and hourly limit) while it stays down.
/// </summary>
internal sealed class CheckRecorder(IServiceScopeFactory scopes, RunbookExecutor runbooks)
{
    public async Task RecordAsync(Guid monitorId, CheckOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        Guid componentId;
        var down = false;
        Guid? incidentId = null;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var monitor = await db.Monitors.FirstOrDefaultAsync(m => m.Id == monitorId, cancellationToken);
            if (monitor is null)
            {
                return;
            }

            componentId = monitor.ComponentId;
            db.CheckResults.Add(new CheckResult
            {
                Id = Guid.CreateVersion7(),
                MonitorId = monitorId,
                At = now,
                State = outcome.State,
                LatencyMs = outcome.LatencyMs,
                Message = Truncate(outcome.Message, 1000),
            });
            monitor.LastCheckedAt = now;
            monitor.LastLatencyMs = outcome.LatencyMs;
            monitor.LastMessage = Truncate(outcome.Message, 1000);
            if (outcome.CertificateDaysLeft is { } daysLeft)
            {
                monitor.CertificateExpiresAt = now.AddDays(daysLeft);
            }
            switch (outcome.State)
            {
                case ServiceState.Down:
                    monitor.ConsecutiveFailures++;
                    monitor.State = monitor.ConsecutiveFailures > monitor.Retries ? ServiceState.Down : ServiceState.Pending;
                    break;
                case ServiceState.Up or ServiceState.Degraded:
                    monitor.ConsecutiveFailures = 0;
                    monitor.State = outcome.State;
                    break;
                default:
                    // Unknown: the check could not tell; the monitor keeps its state.
                    break;
            }

            await db.SaveChangesAsync(cancellationToken);
            await PredictiveWarnings.EvaluateAsync(db, monitor, outcome, now, cancellationToken);
            var transition = await ComponentStates.RefreshAsync(db, componentId, now, outcome.Message, cancellationToken);
            if (transition is { To: ServiceState.Down } wentDown)
            {
                down = true;
                incidentId = wentDown.IncidentId;
            }
            else if (transition is null && await db.Components.AnyAsync(c => c.Id == componentId && c.State == ServiceState.Down, cancellationToken))
            {
                // Still down (a runbook may have failed, or healed only for a moment): try again once its limits allow.
                down = true;
                incidentId = await db.Incidents.AsNoTracking()
                    .Where(i => i.Status != IncidentStatus.Resolved && i.Origin != IncidentOrigin.Predicted && i.ComponentIds.Contains(componentId))
                    .OrderByDescending(i => i.OpenedAt).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
            }
        }

        if (down)
        {
            await runbooks.RunForDownComponentAsync(componentId, incidentId, now, cancellationToken);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
