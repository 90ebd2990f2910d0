using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Runbooks;

internal static class RunbookEndpoints
{
    public static IEndpointRouteBuilder MapRunbookEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring/runbooks").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/", ListRunbooks)
            .WithName("ListRunbooks");

        group.MapPost("/", CreateRunbook)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateRunbook");

        group.MapDelete("/{id:guid}", DeleteRunbook)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("DeleteRunbook");

        group.MapGet("/runs", ListRunbookRuns)
            .WithName("ListRunbookRuns");

        app.MapGet("/api/monitoring/reports/recovery", GetRecoveryReport)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithTags("Monitoring")
            .WithName("GetRecoveryReport")
            .WithSummary("Mean time to recovery of automatic incidents with and without a successful runbook run");

        return app;
    }

    private static async Task<Ok<List<RunbookDto>>> ListRunbooks(MonitoringDbContext db, CancellationToken ct)
    {
        var keys = await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct);
        var list = await db.Runbooks.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(list.ConvertAll(r => RunbookDto.From(r, keys[r.ComponentId])));
    }

    private static async Task<Results<Created<RunbookDto>, ProblemHttpResult>> CreateRunbook(RunbookRequest request, RunbookCatalog catalog, CancellationToken ct)
    {
        var result = await catalog.CreateAsync(request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/monitoring/runbooks/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteRunbook(Guid id, RunbookCatalog catalog, CancellationToken ct)
    {
        var result = await catalog.DeleteAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Ok<List<RunbookRunDto>>> ListRunbookRuns(Guid? runbookId, MonitoringDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.RunbookRuns.AsNoTracking().Where(r => runbookId == null || r.RunbookId == runbookId)
            .OrderByDescending(r => r.At).Take(500)
            .Select(r => new RunbookRunDto(r.Id, r.RunbookId, r.IncidentId, r.At, r.Succeeded, r.Outcome)).ToListAsync(ct));

    private static async Task<Ok<RecoveryReportDto>> GetRecoveryReport(MonitoringDbContext db, CancellationToken ct)
    {
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.Origin == IncidentOrigin.Automatic && i.ResolvedAt != null)
            .Select(i => new { i.Id, i.OpenedAt, ResolvedAt = i.ResolvedAt!.Value }).ToListAsync(ct);
        var healed = (await db.RunbookRuns.AsNoTracking().Where(r => r.Succeeded && r.IncidentId != null).Select(r => r.IncidentId!.Value).ToListAsync(ct)).ToHashSet();
        var with = incidents.Where(i => healed.Contains(i.Id)).Select(i => (i.ResolvedAt - i.OpenedAt).TotalMinutes).ToList();
        var without = incidents.Where(i => !healed.Contains(i.Id)).Select(i => (i.ResolvedAt - i.OpenedAt).TotalMinutes).ToList();
        return TypedResults.Ok(new RecoveryReportDto(
            with.Count, with.Count > 0 ? Math.Round(with.Average(), 2) : null, without.Count, without.Count > 0 ? Math.Round(without.Average(), 2) : null));
    }
}
