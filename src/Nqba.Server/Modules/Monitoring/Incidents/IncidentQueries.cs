using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.StatusPage;
using Nqba.Server.Modules.Monitoring.Uptime;

namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>What the operations, incident and status pages show, read for them (pages call this, never the DbContext).</summary>
internal sealed class IncidentQueries(MonitoringDbContext db, TimeProvider time)
{
    /// <summary>Incidents not yet resolved, newest first.</summary>
    public Task<List<Incident>> OpenAsync(CancellationToken cancellationToken) =>
        db.Incidents.AsNoTracking().Where(i => i.Status != IncidentStatus.Resolved).OrderByDescending(i => i.OpenedAt).ToListAsync(cancellationToken);

    /// <summary>The 20 latest resolved incidents.</summary>
    public Task<List<Incident>> RecentlyResolvedAsync(CancellationToken cancellationToken) =>
        db.Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Resolved).OrderByDescending(i => i.OpenedAt).Take(20).ToListAsync(cancellationToken);

    /// <summary>Every component, by unit, then their order on the status page.</summary>
    public Task<List<MonitoredComponent>> ComponentsAsync(CancellationToken cancellationToken) =>
        db.Components.AsNoTracking().OrderBy(c => c.UnitName).ThenBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>Uptime per component and period, as of now.</summary>
    public Task<UptimeOverviewDto> UptimeAsync(CancellationToken cancellationToken) =>
        UptimeQueries.OverviewAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>The public status page's content, as of now.</summary>
    public Task<StatusSnapshot> StatusAsync(CancellationToken cancellationToken) =>
        StatusQueries.SnapshotAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>The incident with its updates, or null.</summary>
    public Task<Incident?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Incidents.AsNoTracking().Include(i => i.Updates).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>The names of the components, alphabetical.</summary>
    public Task<List<string>> ComponentNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        db.Components.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>The support tickets linked to the incident, in the order they were linked.</summary>
    public Task<List<IncidentTicket>> TicketsOfAsync(Guid incidentId, CancellationToken cancellationToken) =>
        db.IncidentTickets.AsNoTracking().Where(l => l.IncidentId == incidentId).OrderBy(l => l.LinkedAt).ToListAsync(cancellationToken);
}
