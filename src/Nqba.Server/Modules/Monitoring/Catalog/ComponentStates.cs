using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Maintenance;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>
/// Derives a component's state from its monitors (worst wins; an active maintenance window overrides), keeps
/// the state history as intervals, and opens or resolves automatic incidents on the way down and up.
/// A failure within a monitor's retries makes the component <see cref="ServiceState.Pending"/>; when the failures
/// are confirmed (retries spent) the pending interval becomes down from its start, so the outage counts from the
/// first failed check. Pending itself is not announced: a failure that recovers within the retries notifies nobody.
/// </summary>
internal static class ComponentStates
{
    public static ServiceState Worst(IEnumerable<ServiceState> states)
    {
        var list = states.ToList();
        return list.Contains(ServiceState.Down) ? ServiceState.Down
            : list.Contains(ServiceState.Pending) ? ServiceState.Pending
            : list.Contains(ServiceState.Degraded) ? ServiceState.Degraded
            : list.Contains(ServiceState.Up) ? ServiceState.Up
            : ServiceState.Unknown;
    }

    /// <summary>
    /// Recomputes the component's state at <paramref name="now"/> and saves it with its history and incidents, in a
    /// transaction of its own that holds the component's row lock. Returns the transition, if any, and the open
    /// automatic incident.
    /// </summary>
    /// <remarks>
    /// Several monitors of one component are checked in parallel, each result on its own connection. Read, close the
    /// open interval and add the next one must therefore run one at a time per component, or two results each close
    /// the same interval and open one of their own (overlapping history, uptime over 100 %, an incident each). The
    /// transaction first updates the component row: on PostgreSQL that row lock makes every other refresh of the
    /// component wait until commit (other components are not held up); on SQLite the first write takes the
    /// database's single write lock. Everything is then read inside the lock, so the last result sees every
    /// monitor's committed state, and the transition, its interval and its incident happen once. A lock and not an
    /// optimistic token: a refresh that loses has nothing wrong to report, it only has to see the winner's result.
    /// </remarks>
    public static async Task<(ServiceState From, ServiceState To, Guid? IncidentId)?> RefreshAsync(
        MonitoringDbContext db, Guid componentId, DateTime now, string? reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Components.Where(c => c.Id == componentId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StateSince, c => c.StateSince), cancellationToken);
        var transition = await RefreshLockedAsync(db, componentId, now, reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return transition;
    }

    private static async Task<(ServiceState From, ServiceState To, Guid? IncidentId)?> RefreshLockedAsync(
        MonitoringDbContext db, Guid componentId, DateTime now, string? reason, CancellationToken cancellationToken)
    {
        var component = await db.Components.FirstAsync(c => c.Id == componentId, cancellationToken);
        var monitorStates = await db.Monitors.Where(m => m.ComponentId == componentId && m.Enabled).Select(m => m.State).ToListAsync(cancellationToken);
        var windows = await db.MaintenanceWindows.AsNoTracking().Where(w => w.ComponentIds.Contains(componentId)).ToListAsync(cancellationToken);
        var inMaintenance = windows.Any(w => MaintenanceSchedule.ActiveAt(w, now) is not null);
        var state = inMaintenance ? ServiceState.Maintenance : Worst(monitorStates);
        if (state == component.State)
        {
            return null;
        }

        var from = component.State;
        // What subscribers were last told: pending is never announced, so leaving it is a change from the state before.
        var announced = from == ServiceState.Pending ? await StateBeforeAsync(db, component, cancellationToken) : from;
        var open = await db.StateIntervals.Where(i => i.ComponentId == componentId && i.To == null).ToListAsync(cancellationToken);
        if (from == ServiceState.Pending && state == ServiceState.Down && open.Count > 0)
        {
            // The outage is confirmed: it began at the first failed check, when the component became pending.
            foreach (var interval in open)
            {
                interval.State = ServiceState.Down;
            }
        }
        else
        {
            foreach (var interval in open)
            {
                interval.To = now;
            }

            db.StateIntervals.Add(new StateInterval { Id = Guid.CreateVersion7(), ComponentId = componentId, State = state, From = now });
            component.StateSince = now;
        }

        component.State = state;
        if (state != ServiceState.Pending && state != announced)
        {
            db.Publish(new ComponentStateChanged(component.Id, component.Key, component.Name, announced, state, reason, component.StateSince), now);
        }

        Guid? incidentId = null;
        if (state == ServiceState.Down)
        {
            var existing = await db.Incidents
                .Where(i => i.Status != IncidentStatus.Resolved && i.Origin != IncidentOrigin.Predicted && i.ComponentIds.Contains(componentId))
                .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
            incidentId = existing ?? Open(db, component, now);
        }
        else if (from is ServiceState.Down or ServiceState.Pending && state is ServiceState.Up or ServiceState.Degraded)
        {
            await ResolveRecoveredAsync(db, component, now, cancellationToken);
        }

        return (from, state, incidentId);
    }

    private static async Task<ServiceState> StateBeforeAsync(MonitoringDbContext db, MonitoredComponent component, CancellationToken cancellationToken) =>
        await db.StateIntervals.AsNoTracking()
            .Where(i => i.ComponentId == component.Id && i.To != null && i.To <= component.StateSince)
            .OrderByDescending(i => i.To).Select(i => (ServiceState?)i.State).FirstOrDefaultAsync(cancellationToken) ?? ServiceState.Unknown;

    // The public incident text is written for the public: the raw check message (URLs, hosts, exception text) stays
    // in the monitor's check history, which only staff see.
    private static Guid Open(MonitoringDbContext db, MonitoredComponent component, DateTime now)
    {
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(),
            Title = $"{component.Name} is down",
            Status = IncidentStatus.Investigating,
            Origin = IncidentOrigin.Automatic,
            ComponentIds = [component.Id],
            OpenedAt = now,
        };
        incident.Updates.Add(new IncidentUpdate
        {
            Id = Guid.CreateVersion7(),
            IncidentId = incident.Id,
            Status = IncidentStatus.Investigating,
            Message = $"Opened automatically: {component.Name} is not answering our automated checks. We are investigating.",
            At = now,
        });
        db.Incidents.Add(incident);
        db.Publish(new IncidentOpened(incident.Id, incident.Title, incident.ComponentIds, Automatic: true, Predicted: false, now), now);
        return incident.Id;
    }

    private static async Task ResolveRecoveredAsync(MonitoringDbContext db, MonitoredComponent component, DateTime now, CancellationToken cancellationToken)
    {
        var incidents = await db.Incidents.Include(i => i.Updates)
            .Where(i => i.Status != IncidentStatus.Resolved && i.Origin == IncidentOrigin.Automatic && i.ComponentIds.Contains(component.Id))
            .ToListAsync(cancellationToken);
        foreach (var incident in incidents)
        {
            var others = incident.ComponentIds.Where(id => id != component.Id).ToList();
            if (others.Count > 0 && await db.Components.AnyAsync(c => others.Contains(c.Id) && c.State == ServiceState.Down, cancellationToken))
            {
                continue;
            }

            incident.Status = IncidentStatus.Resolved;
            incident.ResolvedAt = now;
            var update = new IncidentUpdate
            {
                Id = Guid.CreateVersion7(),
                IncidentId = incident.Id,
                Status = IncidentStatus.Resolved,
                Message = $"Resolved automatically: {component.Name} is answering its checks normally again.",
                At = now,
            };
            db.IncidentUpdates.Add(update);
            db.Publish(new IncidentResolved(incident.Id, incident.Title, incident.ComponentIds, Automatic: true, incident.OpenedAt, now), now);
        }
    }
}
