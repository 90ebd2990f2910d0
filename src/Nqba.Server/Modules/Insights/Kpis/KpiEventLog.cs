using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>
/// Reads the event log for the KPIs: only the named event types in a time range, through the (type, occurred-at)
/// index of <c>platform_events</c>, never the whole log.
/// </summary>
internal sealed class KpiEventLog(PlatformDbContext db, EventTypeRegistry registry)
{
    public async Task<KpiEventSet> LoadAsync(IEnumerable<Type> types, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var names = types.Select(EventTypeRegistry.NameOf).Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.Events.AsNoTracking()
            .Where(e => names.Contains(e.Type) && e.OccurredAt >= from && e.OccurredAt < to)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Type, e.Payload })
            .ToListAsync(cancellationToken);
        var events = new List<IDomainEvent>(rows.Count);
        foreach (var row in rows)
        {
            if (registry.Find(row.Type) is { } type && JsonSerializer.Deserialize(row.Payload, type, EventLogExtensions.PayloadJson) is IDomainEvent e)
            {
                events.Add(e);
            }
        }

        return new KpiEventSet(events);
    }

    /// <summary>The newest event's sequence number (0 when the log is empty): a cached computation is current while it stays.</summary>
    public async Task<long> HeadAsync(CancellationToken cancellationToken) =>
        await db.Events.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
}
