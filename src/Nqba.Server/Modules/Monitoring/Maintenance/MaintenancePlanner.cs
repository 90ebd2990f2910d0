using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Monitoring.Maintenance;

/// <summary>The one way maintenance windows change: plan one on known components, or delete it; each audited in the same save.</summary>
internal sealed class MaintenancePlanner(MonitoringDbContext db, IAuditLedger audit, TimeProvider time)
{
    /// <summary>Plans a window: a local start in an IANA zone, a duration and an optional daily or weekly recurrence.</summary>
    public async Task<Result<MaintenanceDto>> CreateAsync(MaintenanceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var keys = await db.Components.ToDictionaryAsync(c => c.Key, c => c.Id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var unknown = request.Components.Where(k => !keys.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            errors["components"] = [$"Unknown component(s): {string.Join(", ", unknown)}."];
        }

        if (!MaintenanceSchedule.TryParseStart(request.LocalStart, out _))
        {
            errors["localStart"] = ["Use the local wall-clock time as yyyy-MM-ddTHH:mm, e.g. 2026-12-01T02:00."];
        }

        if (MaintenanceSchedule.Zone(request.TimeZone) is null)
        {
            errors["timeZone"] = [$"'{request.TimeZone}' is not an IANA time zone (e.g. Europe/Berlin)."];
        }

        if (request.RecursUntil is not null && !MaintenanceSchedule.TryParseDate(request.RecursUntil, out _))
        {
            errors["recursUntil"] = ["Use yyyy-MM-dd."];
        }

        if (request.Recurrence != MaintenanceRecurrence.None && request.DurationMinutes > 1440)
        {
            errors["durationMinutes"] = ["A recurring window lasts at most 24 hours."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var window = new MaintenanceWindow
        {
            Id = Guid.CreateVersion7(),
            Title = request.Title,
            ComponentIds = [.. request.Components.Distinct(StringComparer.Ordinal).Select(k => keys[k])],
            LocalStart = request.LocalStart,
            TimeZone = request.TimeZone,
            DurationMinutes = request.DurationMinutes,
            Recurrence = request.Recurrence,
            RecursUntil = request.RecursUntil,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.MaintenanceWindows.Add(window);
        audit.Stage(db, new AuditRecord("monitoring.maintenance.created", "MaintenanceWindow", window.Id.ToString(), After: request));
        await db.SaveChangesAsync(cancellationToken);
        return MaintenanceDto.From(window, keys.ToDictionary(p => p.Value, p => p.Key), window.CreatedAt);
    }

    /// <summary>Deletes a maintenance window.</summary>
    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var window = await db.MaintenanceWindows.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (window is null)
        {
            return Error.NotFound("Maintenance window", id);
        }

        db.MaintenanceWindows.Remove(window);
        audit.Stage(db, new AuditRecord("monitoring.maintenance.deleted", "MaintenanceWindow", id.ToString(), Before: new { window.Title, window.LocalStart, window.TimeZone }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
