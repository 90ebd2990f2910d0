using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Audit;

/// <summary>Reads the ledger with filters, newest first (the page) or oldest first (the export).</summary>
internal sealed class AuditSearch(PlatformDbContext db)
{
    public IQueryable<AuditEntry> Filter(AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action.StartsWith(query.Action));
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(e => e.ActorName.Contains(query.Actor) || e.ActorId == query.Actor);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.Timestamp >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.Timestamp < to);
        }

        if (query.Before is { } before)
        {
            entries = entries.Where(e => e.Sequence < before);
        }

        return entries;
    }

    public Task<List<AuditEntry>> PageAsync(AuditQuery query, CancellationToken cancellationToken) =>
        Filter(query).OrderByDescending(e => e.Sequence).Take(Math.Clamp(query.Limit, 1, 1000)).ToListAsync(cancellationToken);
}
