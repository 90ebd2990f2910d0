using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Errors;
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
        return TypedResults.Ok(incidents.ConvertAll(i => IncidentDto.From(i, keys)));
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> GetIncident(Guid id, IncidentQueries incidents, MonitoringDbContext db, CancellationToken ct) =>
        await incidents.FindAsync(id, ct) is { } incident
            ? TypedResults.Ok(IncidentDto.From(incident, await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct)))
            : Error.NotFound("Incident", id).ToProblem();

    private static async Task<Results<Created<IncidentDto>, ProblemHttpResult>> OpenIncident(OpenIncidentRequest request, IncidentDesk desk, CancellationToken ct)
    {
        var result = await desk.OpenAsync(request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/monitoring/incidents/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> UpdateIncident(Guid id, IncidentUpdateRequest request, IncidentDesk desk, CancellationToken ct)
    {
        var result = await desk.UpdateAsync(id, request, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IncidentDto>, ProblemHttpResult>> SetIncidentPostMortem(Guid id, PostMortemRequest request, IncidentDesk desk, CancellationToken ct)
    {
        var result = await desk.SetPostMortemAsync(id, request, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
