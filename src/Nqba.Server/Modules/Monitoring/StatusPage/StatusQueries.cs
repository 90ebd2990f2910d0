using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Maintenance;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;

namespace Nqba.Server.Modules.Monitoring.StatusPage;

/// <summary>Builds the public status snapshot: one read of components, 90 days of history, incidents and maintenance.</summary>
internal static class StatusQueries
{
    public const int Days = 90;

    public static async Task<StatusSnapshot> SnapshotAsync(MonitoringDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var components = await db.Components.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var since = now.Date.AddDays(-Days);
        var intervals = (await db.StateIntervals.AsNoTracking().Where(i => i.To == null || i.To > since).ToListAsync(cancellationToken)).ToLookup(i => i.ComponentId);
        var names = components.ToDictionary(c => c.Id, c => c.Name);
        var monitored = (await db.Monitors.AsNoTracking().Select(m => m.ComponentId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        var units = components.GroupBy(c => (c.UnitCode, c.UnitName)).Select(unit =>
        {
            var parts = unit.Select(c =>
            {
                var history = intervals[c.Id].ToList();
                return new StatusComponent(
                    c.Key,
                    c.Name,
                    c.State,
                    UptimeCalculator.Compute(history, now.AddDays(-Days), now, now, c.TargetPercent).AvailabilityPercent is { } a ? Math.Round(a, 3) : null,
                    UptimeCalculator.DailyBars(history, now, Days, c.TargetPercent),
                    monitored.Contains(c.Id) || history.Any(i => i.State != ServiceState.Unknown));
            }).ToList();
            return new StatusUnit(unit.Key.UnitCode, unit.Key.UnitName, Overall(parts.Select(p => p.State)), parts);
        }).ToList();

        var historySince = now.AddDays(-Days);
        var incidents = await db.Incidents.AsNoTracking().Include(i => i.Updates)
            .Where(i => i.Status != IncidentStatus.Resolved || i.OpenedAt > historySince)
            .OrderByDescending(i => i.OpenedAt).Take(100).ToListAsync(cancellationToken);
        var windows = await db.MaintenanceWindows.AsNoTracking().ToListAsync(cancellationToken);
        var maintenance = windows
            .SelectMany(w => MaintenanceSchedule.Occurrences(w, now, now.AddDays(14)).Take(1).Select(o => new StatusMaintenance(
                w.Title, [.. w.ComponentIds.Where(names.ContainsKey).Select(id => names[id])], o.Start, o.End, o.Start <= now && now < o.End)))
            .OrderBy(m => m.Start).ToList();

        return new StatusSnapshot(
            now,
            Overall(components.Select(c => c.State)),
            units,
            [.. incidents.Where(i => i.Status != IncidentStatus.Resolved).Select(i => ToStatus(i, names))],
            maintenance,
            [.. incidents.Where(i => i.Status == IncidentStatus.Resolved).Select(i => ToStatus(i, names))]);
    }

    /// <summary>The worst known state; components never checked (unknown) do not darken the page.</summary>
    public static ServiceState Overall(IEnumerable<ServiceState> states)
    {
        var known = states.Where(s => s != ServiceState.Unknown).ToList();
        if (known.Count == 0)
        {
            return ServiceState.Unknown;
        }

        var worst = ComponentStates.Worst(known);
        return worst == ServiceState.Up && known.Contains(ServiceState.Maintenance) ? ServiceState.Maintenance
            : worst == ServiceState.Unknown ? ServiceState.Maintenance
            : worst;
    }

    private static StatusIncident ToStatus(Incident i, Dictionary<Guid, string> names) => new(
        i.Id,
        i.Title,
        i.Status,
        i.Origin == IncidentOrigin.Predicted,
        [.. i.ComponentIds.Where(names.ContainsKey).Select(id => names[id])],
        i.OpenedAt,
        i.ResolvedAt,
        [.. i.Updates.OrderByDescending(u => u.At).Select(u => new IncidentUpdateDto(u.Status, u.Message, u.At))]);
}
