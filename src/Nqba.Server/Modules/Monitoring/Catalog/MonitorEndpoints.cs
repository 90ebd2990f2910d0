using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Catalog;

internal static class MonitorEndpoints
{
    public static IEndpointRouteBuilder MapMonitorEndpoints(this IEndpointRouteBuilder app)
    {
        var components = app.MapGroup("/api/monitoring/components").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        components.MapGet("/", ListMonitoredComponents)
            .WithName("ListMonitoredComponents");

        components.MapPost("/", CreateMonitoredComponent)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateMonitoredComponent");

        var monitors = app.MapGroup("/api/monitoring/monitors").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        monitors.MapGet("/", ListMonitors)
            .WithName("ListMonitors");

        monitors.MapGet("/{id:guid}", GetMonitor)
            .WithName("GetMonitor");

        // The response-time history (Uptime Kuma's ping chart): each check's time, state and latency, newest first.
        monitors.MapGet("/{id:guid}/results", ListMonitorResults)
            .WithName("ListMonitorResults")
            .WithSummary("The monitor's recent checks, newest first (take: 1-1000, default 100; since: UTC time): time, state, response time in ms, message");

        monitors.MapPost("/", CreateMonitor)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateMonitor");

        monitors.MapPut("/{id:guid}", UpdateMonitor)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("UpdateMonitor");

        monitors.MapDelete("/{id:guid}", DeleteMonitor)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("DeleteMonitor");

        // The service pushes here, as to Uptime Kuma's push URL: GET or POST, with optional status (up|down), msg and
        // ping (ms). The token in the path is the only credential (no sign-in).
        app.MapPost("/api/monitoring/heartbeat/{token}", PushHeartbeatAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Monitoring")
            .WithName("PushHeartbeat");
        app.MapGet("/api/monitoring/heartbeat/{token}", PushHeartbeatAsync)
            .AllowAnonymous()
            .WithTags("Monitoring")
            .WithName("PushHeartbeatByGet");

        return app;
    }

    private static async Task<Ok<List<ComponentDto>>> ListMonitoredComponents(MonitoringDbContext db, CancellationToken ct)
    {
        var counts = await db.Monitors.GroupBy(m => m.ComponentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var list = await db.Components.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
        return TypedResults.Ok(list.ConvertAll(c => ComponentDto.From(c, counts.GetValueOrDefault(c.Id))));
    }

    private static async Task<Results<Created<ComponentDto>, ProblemHttpResult>> CreateMonitoredComponent(ComponentRequest request, MonitorCatalog catalog, CancellationToken ct)
    {
        var result = await catalog.CreateComponentAsync(request, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/monitoring/components/{result.Value.Key}", ComponentDto.From(result.Value, 0))
            : result.Error.ToProblem();
    }

    private static async Task<Ok<List<MonitorDto>>> ListMonitors(MonitoringDbContext db, TimeProvider time, CancellationToken ct)
    {
        var keys = await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct);
        var list = await db.Monitors.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        var averages = await ResponseTimes.AveragesAsync(db, list.ConvertAll(m => m.Id), time.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(list.ConvertAll(m => MonitorDto.From(m, keys[m.ComponentId], averages: averages[m.Id])));
    }

    private static async Task<Results<Ok<MonitorDto>, ProblemHttpResult>> GetMonitor(Guid id, MonitoringDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Monitors.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } monitor)
        {
            return Error.NotFound("Monitor", id).ToProblem();
        }

        var averages = await ResponseTimes.AveragesAsync(db, [id], time.GetUtcNow().UtcDateTime, ct);
        var key = await db.Components.Where(c => c.Id == monitor.ComponentId).Select(c => c.Key).FirstAsync(ct);
        return TypedResults.Ok(MonitorDto.From(monitor, key, averages: averages[id]));
    }

    private static async Task<Results<Ok<List<CheckResultDto>>, ProblemHttpResult>> ListMonitorResults(Guid id, int? take, DateTime? since, MonitoringDbContext db, CancellationToken ct) =>
        await db.Monitors.AnyAsync(m => m.Id == id, ct)
            ? TypedResults.Ok(await db.CheckResults.AsNoTracking().Where(r => r.MonitorId == id && (since == null || r.At >= since)).OrderByDescending(r => r.At)
                .Take(Math.Clamp(take ?? 100, 1, 1000)).Select(r => new CheckResultDto(r.At, r.State, r.LatencyMs, r.Message)).ToListAsync(ct))
            : Error.NotFound("Monitor", id).ToProblem();

    private static async Task<Results<Created<CreatedMonitor>, ProblemHttpResult>> CreateMonitor(MonitorRequest request, MonitorCatalog catalog, CancellationToken ct)
    {
        var result = await catalog.CreateMonitorAsync(request, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/monitoring/monitors/{result.Value.Monitor.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<MonitorDto>, ProblemHttpResult>> UpdateMonitor(Guid id, MonitorRequest request, MonitorCatalog catalog, CancellationToken ct)
    {
        var result = await catalog.UpdateMonitorAsync(id, request, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMonitor(Guid id, MonitorCatalog catalog, CancellationToken ct)
    {
        var result = await catalog.DeleteMonitorAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    /// <summary>
    /// A push is a check: status=up (the default) records an up check, status=down a failed one with the service's
    /// message (retries apply as to any failure); ping is recorded as its response time.
    /// </summary>
    private static async Task<Results<Ok<HeartbeatReceipt>, ProblemHttpResult>> PushHeartbeatAsync(
        string token, string? status, string? msg, string? ping, MonitorCatalog catalog, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var down = false;
        if (!string.IsNullOrEmpty(status))
        {
            down = string.Equals(status, "down", StringComparison.OrdinalIgnoreCase);
            if (!down && !string.Equals(status, "up", StringComparison.OrdinalIgnoreCase))
            {
                errors["status"] = ["status must be up or down."];
            }
        }

        double? latency = null;
        if (!string.IsNullOrEmpty(ping))
        {
            if (double.TryParse(ping, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && double.IsFinite(ms) && ms is >= 0 and <= 3_600_000)
            {
                latency = ms;
            }
            else
            {
                errors["ping"] = ["ping must be the response time in milliseconds, a number from 0 to 3600000."];
            }
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors).ToProblem();
        }

        var result = await catalog.PushHeartbeatAsync(token, down, latency, msg, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
