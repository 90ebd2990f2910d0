using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Incidents;

internal static class IncidentEndpoints
{
    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring/incidents").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/", ListIncidents)
            .WithName("ListIncidents");

        group.MapGet("/{id:guid}", GetIncident)
            .WithName("GetIncident");

        group.MapPost("/", OpenIncident)
            .WithName("OpenIncident");

        group.MapPost("/{id:guid}/updates", UpdateIncident)
            .WithName("UpdateIncident");

        group.MapPut("/{id:guid}/postmortem", SetIncidentPostMortem)
            .WithName("SetIncidentPostMortem");

        return app;
    }

    private static async Task<Ok<List<IncidentDto>>> ListIncidents(bool? open, MonitoringDbContext db, CancellationToken ct)
    {
        var query = db.Incidents.AsNoTracking().Include(i => i.Updates).AsQueryable();
        if (open is { } o)
        {
            query = o ? query.Where(i => i.Status != IncidentStatus.Resolved) : query.Where(i => i.Status == IncidentStatus.Resolved);
        }

        var incidents = await query.OrderByDescending(i => i.OpenedAt).Take(200).ToListAsync(ct);
        var keys = await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct);
        return TypedResults.Ok(incidents.ConvertAll(i => ToDto(i, keys)));
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> GetIncident(Guid id, MonitoringDbContext db, CancellationToken ct) =>
        await db.Incidents.AsNoTracking().Include(i => i.Updates).FirstOrDefaultAsync(i => i.Id == id, ct) is { } incident
            ? TypedResults.Ok(ToDto(incident, await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct)))
            : Error.NotFound("Incident", id).ToProblem();

    private static async Task<Results<Created<IncidentDto>, ProblemHttpResult>> OpenIncident(OpenIncidentRequest request, MonitoringDbContext db, IAuditLedger audit, TimeProvider time, CancellationToken ct)
    {
        var keys = await db.Components.ToDictionaryAsync(c => c.Key, c => c.Id, ct);
        var unknown = request.Components.Where(k => !keys.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            return Error.Validation("components", $"Unknown component(s): {string.Join(", ", unknown)}.").ToProblem();
        }

        if (request.Status == IncidentStatus.Resolved)
        {
            return Error.Validation("status", "A new incident cannot start resolved.").ToProblem();
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
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/monitoring/incidents/{incident.Id}", ToDto(incident, keys.ToDictionary(p => p.Value, p => p.Key)));
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> UpdateIncident(Guid id, IncidentUpdateRequest request, MonitoringDbContext db, IAuditLedger audit, TimeProvider time, CancellationToken ct)
    {
        var incident = await db.Incidents.Include(i => i.Updates).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Error.NotFound("Incident", id).ToProblem();
        }

        if (incident.Status == IncidentStatus.Resolved)
        {
            return Error.Conflict("The incident is resolved; open a new one if the problem is back.").ToProblem();
        }

        if (request.Status < incident.Status)
        {
            return Error.Validation("status", $"An incident moves forward (investigating → identified → monitoring → resolved); it is {incident.Status}.").ToProblem();
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
        await db.SaveChangesAsync(ct);
        incident.Updates.Add(update);
        return TypedResults.Ok(ToDto(incident, await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct)));
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> SetIncidentPostMortem(Guid id, PostMortemRequest request, MonitoringDbContext db, IAuditLedger audit, CancellationToken ct)
    {
        var incident = await db.Incidents.Include(i => i.Updates).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Error.NotFound("Incident", id).ToProblem();
        }

        incident.PostMortem = request.Text;
        audit.Stage(db, new AuditRecord("monitoring.incident.postmortem", "Incident", id.ToString()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(incident, await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct)));
    }

    internal static IncidentDto ToDto(Incident i, IReadOnlyDictionary<Guid, string> keys) => new(
        i.Id,
        i.Title,
        i.Status,
        i.Origin,
        i.Origin == IncidentOrigin.Predicted,
        [.. i.ComponentIds.Select(id => keys.GetValueOrDefault(id, id.ToString()))],
        i.OpenedAt,
        i.ResolvedAt,
        i.PostMortem,
        [.. i.Updates.OrderBy(u => u.At).Select(u => new IncidentUpdateDto(u.Status, u.Message, u.At))]);
}
