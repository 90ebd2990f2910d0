using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Persistence;

namespace Nqba.Server.Modules.Monitoring.Maintenance;

/// <summary>
/// Puts components into maintenance and takes them out at the windows' edges, not at their next check: every
/// scheduler poll (<see cref="MonitoringOptions.PollInterval"/>) compares each component, with or without monitors,
/// with its windows and records a change at the edge's own instant, so the history and uptime are exact even though
/// the change is seen up to one poll later.
/// </summary>
internal static class MaintenanceEdges
{
    public static async Task ApplyAsync(MonitoringDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var windows = await db.MaintenanceWindows.AsNoTracking().ToListAsync(cancellationToken);
        var components = await db.Components.AsNoTracking().Select(c => new { c.Id, c.State, c.StateSince }).ToListAsync(cancellationToken);
        foreach (var component in components)
        {
            var own = windows.Where(w => w.ComponentIds.Contains(component.Id)).ToList();
            var active = own.Select(w => MaintenanceSchedule.ActiveAt(w, now)).FirstOrDefault(o => o is not null);
            DateTime edge;
            string reason;
            if (active is { } occurrence && component.State != ServiceState.Maintenance)
            {
                edge = occurrence.Start;
                reason = "Maintenance window started.";
            }
            else if (active is null && component.State == ServiceState.Maintenance)
            {
                // The end of the occurrence that just ended; now when its window was deleted meanwhile.
                edge = own.SelectMany(w => MaintenanceSchedule.Occurrences(w, component.StateSince.AddDays(-8), now))
                    .Select(o => o.End).Where(end => end > component.StateSince && end <= now).DefaultIfEmpty(now).Max();
                reason = "Maintenance window ended.";
            }
            else
            {
                continue;
            }

            await ComponentStates.RefreshAsync(db, component.Id, edge > component.StateSince ? edge : component.StateSince, reason, cancellationToken);
        }
    }
}
