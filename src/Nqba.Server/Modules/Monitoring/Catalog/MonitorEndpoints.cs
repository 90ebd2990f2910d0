using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Catalog;

internal static class MonitorEndpoints
{
    public static IEndpointRouteBuilder MapMonitorEndpoints(this IEndpointRouteBuilder app)
    {
        var components = app.MapGroup("/api/monitoring/components").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        components.MapGet("/", async Task<Ok<List<ComponentDto>>> (MonitoringDbContext db, CancellationToken ct) =>
            {
                var counts = await db.Monitors.GroupBy(m => m.ComponentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
                var list = await db.Components.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct);
                return TypedResults.Ok(list.ConvertAll(c => ToDto(c, counts.GetValueOrDefault(c.Id))));
            })
            .WithName("ListMonitoredComponents");

        components.MapPost("/", async Task<Results<Created<ComponentDto>, ProblemHttpResult>> (ComponentRequest request, MonitoringDbContext db, IAuditLedger audit, TimeProvider time, CancellationToken ct) =>
            {
                if (await db.Components.AnyAsync(c => c.Key == request.Key, ct))
                {
                    return Error.Validation("key", $"A component with key '{request.Key}' exists.").ToProblem();
                }

                var now = time.GetUtcNow().UtcDateTime;
                var component = new MonitoredComponent
                {
                    Id = Guid.CreateVersion7(),
                    Key = request.Key,
                    Name = request.Name,
                    UnitCode = request.UnitCode,
                    UnitName = request.UnitName,
                    TargetPercent = request.TargetPercent,
                    SortOrder = await db.Components.CountAsync(ct),
                    State = ServiceState.Unknown,
                    StateSince = now,
                    CreatedAt = now,
                };
                db.Components.Add(component);
                db.StateIntervals.Add(new StateInterval { Id = Guid.CreateVersion7(), ComponentId = component.Id, State = ServiceState.Unknown, From = now });
                audit.Stage(db, new AuditRecord("monitoring.component.created", "MonitoredComponent", component.Id.ToString(), After: request));
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/monitoring/components/{component.Key}", ToDto(component, 0));
            })
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateMonitoredComponent");

        var monitors = app.MapGroup("/api/monitoring/monitors").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        monitors.MapGet("/", async Task<Ok<List<MonitorDto>>> (MonitoringDbContext db, CancellationToken ct) =>
            {
                var keys = await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct);
                var list = await db.Monitors.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
                return TypedResults.Ok(list.ConvertAll(m => ToDto(m, keys[m.ComponentId])));
            })
            .WithName("ListMonitors");

        monitors.MapGet("/{id:guid}", async Task<Results<Ok<MonitorDto>, ProblemHttpResult>> (Guid id, MonitoringDbContext db, CancellationToken ct) =>
            await db.Monitors.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } monitor
                ? TypedResults.Ok(ToDto(monitor, await db.Components.Where(c => c.Id == monitor.ComponentId).Select(c => c.Key).FirstAsync(ct)))
                : Error.NotFound("Monitor", id).ToProblem())
            .WithName("GetMonitor");

        monitors.MapGet("/{id:guid}/results", async Task<Results<Ok<List<CheckResultDto>>, ProblemHttpResult>> (Guid id, int? take, MonitoringDbContext db, CancellationToken ct) =>
                await db.Monitors.AnyAsync(m => m.Id == id, ct)
                    ? TypedResults.Ok(await db.CheckResults.AsNoTracking().Where(r => r.MonitorId == id).OrderByDescending(r => r.At)
                        .Take(Math.Clamp(take ?? 100, 1, 1000)).Select(r => new CheckResultDto(r.At, r.State, r.LatencyMs, r.Message)).ToListAsync(ct))
                    : Error.NotFound("Monitor", id).ToProblem())
            .WithName("ListMonitorResults");

        monitors.MapPost("/", async Task<Results<Created<CreatedMonitor>, ProblemHttpResult>> (MonitorRequest request, MonitoringDbContext db, IAuditLedger audit, TimeProvider time, CancellationToken ct) =>
            {
                var errors = MonitorValidation.Validate(request);
                var component = await db.Components.AsNoTracking().FirstOrDefaultAsync(c => c.Key == request.Component, ct);
                if (component is null)
                {
                    errors["component"] = [$"No component with key '{request.Component}'."];
                }

                if (errors.Count > 0)
                {
                    return Error.Validation(errors).ToProblem();
                }

                var now = time.GetUtcNow().UtcDateTime;
                var monitor = new ServiceMonitor { Id = Guid.CreateVersion7(), Name = request.Name, CreatedAt = now, State = ServiceState.Unknown, NextDueAt = now };
                Apply(monitor, request, component!.Id);
                string? token = null;
                if (monitor.Kind == MonitorKind.Heartbeat)
                {
                    token = HeartbeatTokens.Create();
                    monitor.HeartbeatTokenHash = HeartbeatTokens.Hash(token);
                }

                db.Monitors.Add(monitor);
                audit.Stage(db, new AuditRecord("monitoring.monitor.created", "Monitor", monitor.Id.ToString(), After: request));
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/monitoring/monitors/{monitor.Id}", new CreatedMonitor(ToDto(monitor, component.Key, token), token));
            })
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateMonitor");

        monitors.MapPut("/{id:guid}", async Task<Results<Ok<MonitorDto>, ProblemHttpResult>> (Guid id, MonitorRequest request, MonitoringDbContext db, IAuditLedger audit, CancellationToken ct) =>
            {
                var monitor = await db.Monitors.FirstOrDefaultAsync(m => m.Id == id, ct);
                if (monitor is null)
                {
                    return Error.NotFound("Monitor", id).ToProblem();
                }

                var errors = MonitorValidation.Validate(request);
                var component = await db.Components.AsNoTracking().FirstOrDefaultAsync(c => c.Key == request.Component, ct);
                if (component is null)
                {
                    errors["component"] = [$"No component with key '{request.Component}'."];
                }

                if (request.Kind != monitor.Kind)
                {
                    errors["kind"] = ["A monitor's kind cannot change; create a new monitor."];
                }

                if (errors.Count > 0)
                {
                    return Error.Validation(errors).ToProblem();
                }

                var before = ToDto(monitor, component!.Key);
                Apply(monitor, request, component.Id);
                audit.Stage(db, new AuditRecord("monitoring.monitor.updated", "Monitor", id.ToString(), Before: before, After: request));
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(ToDto(monitor, component.Key));
            })
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("UpdateMonitor");

        monitors.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, MonitoringDbContext db, IAuditLedger audit, CancellationToken ct) =>
            {
                var monitor = await db.Monitors.FirstOrDefaultAsync(m => m.Id == id, ct);
                if (monitor is null)
                {
                    return Error.NotFound("Monitor", id).ToProblem();
                }

                db.Monitors.Remove(monitor);
                audit.Stage(db, new AuditRecord("monitoring.monitor.deleted", "Monitor", id.ToString(), Before: new { monitor.Name, monitor.Kind, monitor.Target }));
                await db.SaveChangesAsync(ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("DeleteMonitor");

        // The service pushes here; the token in the path is the only credential (no sign-in).
        app.MapPost("/api/monitoring/heartbeat/{token}", async Task<Results<Ok<HeartbeatReceipt>, ProblemHttpResult>> (string token, MonitoringDbContext db, TimeProvider time, CancellationToken ct) =>
            {
                var hash = HeartbeatTokens.Hash(token);
                var now = time.GetUtcNow().UtcDateTime;
                var rows = await db.Monitors.Where(m => m.HeartbeatTokenHash == hash && m.Kind == MonitorKind.Heartbeat)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastHeartbeatAt, now), ct);
                return rows == 1
                    ? TypedResults.Ok(new HeartbeatReceipt(now))
                    : new Error("not_found", "Not found", "No heartbeat monitor has this token.", StatusCodes.Status404NotFound).ToProblem();
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithTags("Monitoring")
            .WithName("PushHeartbeat");

        return app;
    }

    private static void Apply(ServiceMonitor monitor, MonitorRequest request, Guid componentId)
    {
        var retarget = monitor.Target != (request.Target ?? string.Empty);
        monitor.ComponentId = componentId;
        monitor.Name = request.Name;
        monitor.Kind = request.Kind;
        monitor.Target = request.Target ?? string.Empty;
        monitor.StandbyTarget = request.StandbyTarget;
        monitor.ExpectedStatus = request.ExpectedStatus;
        monitor.Keyword = request.Keyword;
        monitor.JsonPath = request.JsonPath;
        monitor.JsonExpected = request.JsonExpected;
        monitor.DegradedLatencyMs = request.DegradedLatencyMs;
        monitor.TlsDegradedDays = request.TlsDegradedDays;
        monitor.TlsDownDays = request.TlsDownDays;
        monitor.AcceptUntrustedCertificate = request.AcceptUntrustedCertificate;
        monitor.IntervalSeconds = request.IntervalSeconds;
        monitor.TimeoutSeconds = request.TimeoutSeconds;
        monitor.Retries = request.Retries;
        monitor.Enabled = request.Enabled;
        if (retarget)
        {
            monitor.UsingStandby = false;
        }
    }

    internal static ComponentDto ToDto(MonitoredComponent c, int monitors) =>
        new(c.Id, c.Key, c.Name, c.UnitCode, c.UnitName, c.TargetPercent, c.State, c.StateSince, monitors);

    internal static MonitorDto ToDto(ServiceMonitor m, string componentKey, string? token = null) => new(
        m.Id, componentKey, m.Name, m.Kind, m.Target, m.StandbyTarget, m.UsingStandby, m.ExpectedStatus, m.Keyword, m.JsonPath, m.JsonExpected,
        m.DegradedLatencyMs, m.TlsDegradedDays, m.TlsDownDays, m.AcceptUntrustedCertificate, m.IntervalSeconds, m.TimeoutSeconds, m.Retries,
        m.Enabled, m.State, m.ConsecutiveFailures, m.LastCheckedAt, m.LastLatencyMs, m.LastMessage, m.NextDueAt, m.LastHeartbeatAt,
        token is null ? null : $"/api/monitoring/heartbeat/{token}");
}
