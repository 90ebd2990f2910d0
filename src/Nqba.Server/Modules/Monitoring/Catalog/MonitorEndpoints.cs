using System.Globalization;
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
        return TypedResults.Ok(list.ConvertAll(c => ToDto(c, counts.GetValueOrDefault(c.Id))));
    }

    private static async Task<Results<Created<ComponentDto>, ProblemHttpResult>> CreateMonitoredComponent(ComponentRequest request, MonitoringDbContext db, IAuditLedger audit, TimeProvider time, CancellationToken ct)
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
    }

    private static async Task<Ok<List<MonitorDto>>> ListMonitors(MonitoringDbContext db, TimeProvider time, CancellationToken ct)
    {
        var keys = await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct);
        var list = await db.Monitors.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        var averages = await ResponseTimes.AveragesAsync(db, list.ConvertAll(m => m.Id), time.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok(list.ConvertAll(m => ToDto(m, keys[m.ComponentId], averages: averages[m.Id])));
    }

    private static async Task<Results<Ok<MonitorDto>, ProblemHttpResult>> GetMonitor(Guid id, MonitoringDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Monitors.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } monitor)
        {
            return Error.NotFound("Monitor", id).ToProblem();
        }

        var averages = await ResponseTimes.AveragesAsync(db, [id], time.GetUtcNow().UtcDateTime, ct);
        var key = await db.Components.Where(c => c.Id == monitor.ComponentId).Select(c => c.Key).FirstAsync(ct);
        return TypedResults.Ok(ToDto(monitor, key, averages: averages[id]));
    }

    private static async Task<Results<Ok<List<CheckResultDto>>, ProblemHttpResult>> ListMonitorResults(Guid id, int? take, DateTime? since, MonitoringDbContext db, CancellationToken ct) =>
        await db.Monitors.AnyAsync(m => m.Id == id, ct)
            ? TypedResults.Ok(await db.CheckResults.AsNoTracking().Where(r => r.MonitorId == id && (since == null || r.At >= since)).OrderByDescending(r => r.At)
                .Take(Math.Clamp(take ?? 100, 1, 1000)).Select(r => new CheckResultDto(r.At, r.State, r.LatencyMs, r.Message)).ToListAsync(ct))
            : Error.NotFound("Monitor", id).ToProblem();

    private static async Task<Results<Created<CreatedMonitor>, ProblemHttpResult>> CreateMonitor(MonitorRequest request, MonitoringDbContext db, IAuditLedger audit, TimeProvider time, CancellationToken ct)
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
    }

    private static async Task<Results<Ok<MonitorDto>, ProblemHttpResult>> UpdateMonitor(Guid id, MonitorRequest request, MonitoringDbContext db, IAuditLedger audit, CancellationToken ct)
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

        if (request.Kind is { } kind && kind != monitor.Kind)
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
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMonitor(Guid id, MonitoringDbContext db, IAuditLedger audit, CancellationToken ct)
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
    }

    /// <summary>
    /// A push is a check: status=up (the default) records an up check, status=down a failed one with the service's
    /// message (retries apply as to any failure); ping is recorded as its response time.
    /// </summary>
    private static async Task<Results<Ok<HeartbeatReceipt>, ProblemHttpResult>> PushHeartbeatAsync(
        string token, string? status, string? msg, string? ping, MonitoringDbContext db, CheckRecorder recorder, TimeProvider time, CancellationToken ct)
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

        var hash = HeartbeatTokens.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var monitorId = await db.Monitors.Where(m => m.HeartbeatTokenHash == hash && m.Kind == MonitorKind.Heartbeat).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        if (monitorId is not { } id)
        {
            return new Error("not_found", "Not found", "No heartbeat monitor has this token.", StatusCodes.Status404NotFound).ToProblem();
        }

        await db.Monitors.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastHeartbeatAt, now), ct);
        var message = string.IsNullOrWhiteSpace(msg) ? (down ? "The service pushed status=down." : "Heartbeat received.") : msg.Trim();
        await recorder.RecordAsync(id, down ? CheckOutcome.Down(message, latency) : new CheckOutcome(ServiceState.Up, latency, message), now, ct);
        return TypedResults.Ok(new HeartbeatReceipt(now));
    }

    private static void Apply(ServiceMonitor monitor, MonitorRequest request, Guid componentId)
    {
        var retarget = monitor.Target != (request.Target ?? string.Empty);
        monitor.ComponentId = componentId;
        monitor.Name = request.Name;
        monitor.Kind = request.Kind.GetValueOrDefault(monitor.Kind);
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

    internal static MonitorDto ToDto(ServiceMonitor m, string componentKey, string? token = null, (double? Day, double? Month) averages = default) => new(
        m.Id, componentKey, m.Name, m.Kind, m.Target, m.StandbyTarget, m.UsingStandby, m.ExpectedStatus, m.Keyword, m.JsonPath, m.JsonExpected,
        m.DegradedLatencyMs, m.TlsDegradedDays, m.TlsDownDays, m.AcceptUntrustedCertificate, m.IntervalSeconds, m.TimeoutSeconds, m.Retries,
        m.Enabled, m.State, m.ConsecutiveFailures, m.LastCheckedAt, m.LastLatencyMs, m.LastMessage, m.NextDueAt, m.LastHeartbeatAt,
        token is null ? null : $"/api/monitoring/heartbeat/{token}",
        averages.Day,
        averages.Month);
}
