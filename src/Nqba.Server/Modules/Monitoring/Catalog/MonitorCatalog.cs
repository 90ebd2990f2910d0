using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>
/// The one way components and monitors change: create a component, create, update and delete a monitor (each audited
/// in the same save), and take a heartbeat monitor's push.
/// </summary>
internal sealed class MonitorCatalog(MonitoringDbContext db, IAuditLedger audit, CheckRecorder recorder, TimeProvider time)
{
    /// <summary>Creates a component (state unknown, last in the order) with its first state interval; its key must be new.</summary>
    public async Task<Result<MonitoredComponent>> CreateComponentAsync(ComponentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.Components.AnyAsync(c => c.Key == request.Key, cancellationToken))
        {
            return Error.Validation("key", $"A component with key '{request.Key}' exists.");
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
            SortOrder = await db.Components.CountAsync(cancellationToken),
            State = ServiceState.Unknown,
            StateSince = now,
            CreatedAt = now,
        };
        db.Components.Add(component);
        db.StateIntervals.Add(new StateInterval { Id = Guid.CreateVersion7(), ComponentId = component.Id, State = ServiceState.Unknown, From = now });
        audit.Stage(db, new AuditRecord("monitoring.component.created", "MonitoredComponent", component.Id.ToString(), After: request));
        await db.SaveChangesAsync(cancellationToken);
        return component;
    }

    /// <summary>Creates a monitor of an existing component; a heartbeat monitor gets its secret token (returned only now).</summary>
    public async Task<Result<CreatedMonitor>> CreateMonitorAsync(MonitorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = MonitorValidation.Validate(request);
        var component = await db.Components.AsNoTracking().FirstOrDefaultAsync(c => c.Key == request.Component, cancellationToken);
        if (component is null)
        {
            errors["component"] = [$"No component with key '{request.Component}'."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
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
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedMonitor(MonitorDto.From(monitor, component.Key, token), token);
    }

    /// <summary>Changes a monitor (not its kind); moving it to another target leaves its standby target.</summary>
    public async Task<Result<MonitorDto>> UpdateMonitorAsync(Guid id, MonitorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var monitor = await db.Monitors.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (monitor is null)
        {
            return Error.NotFound("Monitor", id);
        }

        var errors = MonitorValidation.Validate(request);
        var component = await db.Components.AsNoTracking().FirstOrDefaultAsync(c => c.Key == request.Component, cancellationToken);
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
            return Error.Validation(errors);
        }

        var before = MonitorDto.From(monitor, component!.Key);
        Apply(monitor, request, component.Id);
        audit.Stage(db, new AuditRecord("monitoring.monitor.updated", "Monitor", id.ToString(), Before: before, After: request));
        await db.SaveChangesAsync(cancellationToken);
        return MonitorDto.From(monitor, component.Key);
    }

    /// <summary>Deletes a monitor.</summary>
    public async Task<Result<bool>> DeleteMonitorAsync(Guid id, CancellationToken cancellationToken)
    {
        var monitor = await db.Monitors.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (monitor is null)
        {
            return Error.NotFound("Monitor", id);
        }

        db.Monitors.Remove(monitor);
        audit.Stage(db, new AuditRecord("monitoring.monitor.deleted", "Monitor", id.ToString(), Before: new { monitor.Name, monitor.Kind, monitor.Target }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Takes a heartbeat monitor's push (found by its token) as a check: up, or down with the service's message;
    /// <paramref name="latency"/> is recorded as its response time.
    /// </summary>
    public async Task<Result<HeartbeatReceipt>> PushHeartbeatAsync(string token, bool down, double? latency, string? message, CancellationToken cancellationToken)
    {
        var hash = HeartbeatTokens.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var monitorId = await db.Monitors.Where(m => m.HeartbeatTokenHash == hash && m.Kind == MonitorKind.Heartbeat).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (monitorId is not { } id)
        {
            return new Error("not_found", "Not found", "No heartbeat monitor has this token.", StatusCodes.Status404NotFound);
        }

        await db.Monitors.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastHeartbeatAt, now), cancellationToken);
        var text = string.IsNullOrWhiteSpace(message) ? (down ? "The service pushed status=down." : "Heartbeat received.") : message.Trim();
        await recorder.RecordAsync(id, down ? CheckOutcome.Down(text, latency) : new CheckOutcome(ServiceState.Up, latency, text), now, cancellationToken);
        return new HeartbeatReceipt(now);
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
}
