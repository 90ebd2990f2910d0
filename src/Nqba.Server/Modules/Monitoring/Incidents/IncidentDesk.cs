using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>
/// The one way staff change incidents: open one by hand, post an update (moving it forward, resolving it) and write
/// its post-mortem. Each change is audited, and opening and resolving publish their events, in the same save.
/// </summary>
internal sealed class IncidentDesk(MonitoringDbContext db, IAuditLedger audit, TimeProvider time)
{
    /// <summary>Opens an incident by hand on known components, with its first update; it cannot start resolved.</summary>
    public async Task<Result<IncidentDto>> OpenAsync(OpenIncidentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var keys = await db.Components.ToDictionaryAsync(c => c.Key, c => c.Id, cancellationToken);
        var unknown = request.Components.Where(k => !keys.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            return Error.Validation("components", $"Unknown component(s): {string.Join(", ", unknown)}.");
        }

        if (request.Status == IncidentStatus.Resolved)
        {
            return Error.Validation("status", "A new incident cannot start resolved.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(),
            Title = request.Title,
            Status = request.Status,
            Origin = IncidentOrigin.Manual,
            ComponentIds = [.. request.Components.Distinct(StringComparer.Ordinal).Select(k => keys[k])],
            OpenedAt = now,
        };
        incident.Updates.Add(new IncidentUpdate { Id = Guid.CreateVersion7(), IncidentId = incident.Id, Status = request.Status, Message = request.Message, At = now });
        db.Incidents.Add(incident);
        db.Publish(new IncidentOpened(incident.Id, incident.Title, incident.ComponentIds, Automatic: false, Predicted: false, now), now);
        audit.Stage(db, new AuditRecord("monitoring.incident.opened", "Incident", incident.Id.ToString(), After: request));
        await db.SaveChangesAsync(cancellationToken);
        return IncidentDto.From(incident, keys.ToDictionary(p => p.Value, p => p.Key));
    }

    /// <summary>Posts an update: an open incident moves forward only; resolving it publishes <see cref="IncidentResolved"/>.</summary>
    public async Task<Result<IncidentDto>> UpdateAsync(Guid id, IncidentUpdateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var incident = await db.Incidents.Include(i => i.Updates).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return Error.NotFound("Incident", id);
        }

        if (incident.Status == IncidentStatus.Resolved)
        {
            return Error.Conflict("The incident is resolved; open a new one if the problem is back.");
        }

        if (request.Status < incident.Status)
        {
            return Error.Validation("status", $"An incident moves forward (investigating → identified → monitoring → resolved); it is {incident.Status}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var before = incident.Status;
        incident.Status = request.Status;
        var update = new IncidentUpdate { Id = Guid.CreateVersion7(), IncidentId = incident.Id, Status = request.Status, Message = request.Message, At = now };
        db.IncidentUpdates.Add(update);
        if (request.Status == IncidentStatus.Resolved)
        {
            incident.ResolvedAt = now;
            db.Publish(new IncidentResolved(incident.Id, incident.Title, incident.ComponentIds, Automatic: false, incident.OpenedAt, now), now);
        }

        audit.Stage(db, new AuditRecord("monitoring.incident.updated", "Incident", id.ToString(), Before: new { Status = before.ToString() }, After: request));
        await db.SaveChangesAsync(cancellationToken);
        incident.Updates.Add(update);
        return IncidentDto.From(incident, await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, cancellationToken));
    }

    /// <summary>Sets (or replaces) the incident's post-mortem.</summary>
    public async Task<Result<IncidentDto>> SetPostMortemAsync(Guid id, PostMortemRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var incident = await db.Incidents.Include(i => i.Updates).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return Error.NotFound("Incident", id);
        }

        incident.PostMortem = request.Text;
        audit.Stage(db, new AuditRecord("monitoring.incident.postmortem", "Incident", id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return IncidentDto.From(incident, await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, cancellationToken));
    }
}
