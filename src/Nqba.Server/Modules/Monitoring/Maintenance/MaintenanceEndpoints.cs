using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Maintenance;

internal static class MaintenanceEndpoints
{
    public static IEndpointRouteBuilder MapMaintenanceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring/maintenance").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/", ListMaintenanceWindows)
            .WithName("ListMaintenanceWindows");

        group.MapPost("/", CreateMaintenanceWindow)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateMaintenanceWindow");

        group.MapDelete("/{id:guid}", DeleteMaintenanceWindow)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("DeleteMaintenanceWindow");

        return app;
    }

    private static async Task<Ok<List<MaintenanceDto>>> ListMaintenanceWindows(MonitoringDbContext db, TimeProvider time, CancellationToken ct)
    {
        var keys = await db.Components.ToDictionaryAsync(c => c.Id, c => c.Key, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var windows = await db.MaintenanceWindows.AsNoTracking().OrderBy(w => w.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(windows.ConvertAll(w => ToDto(w, keys, now)));
    }

    private static async Task<Results<Created<MaintenanceDto>, ProblemHttpResult>> CreateMaintenanceWindow(MaintenanceRequest request, MonitoringDbContext db, IAuditLedger audit, TimeProvider time, CancellationToken ct)
    {
        var keys = await db.Components.ToDictionaryAsync(c => c.Key, c => c.Id, ct);
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
            return Error.Validation(errors).ToProblem();
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
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/monitoring/maintenance/{window.Id}", ToDto(window, keys.ToDictionary(p => p.Value, p => p.Key), window.CreatedAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMaintenanceWindow(Guid id, MonitoringDbContext db, IAuditLedger audit, CancellationToken ct)
    {
        var window = await db.MaintenanceWindows.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (window is null)
        {
            return Error.NotFound("Maintenance window", id).ToProblem();
        }

        db.MaintenanceWindows.Remove(window);
        audit.Stage(db, new AuditRecord("monitoring.maintenance.deleted", "MaintenanceWindow", id.ToString(), Before: new { window.Title, window.LocalStart, window.TimeZone }));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    internal static MaintenanceDto ToDto(MaintenanceWindow w, IReadOnlyDictionary<Guid, string> keys, DateTime now)
    {
        var active = MaintenanceSchedule.ActiveAt(w, now);
        var next = active ?? MaintenanceSchedule.Occurrences(w, now, now.AddDays(400)).Cast<(DateTime Start, DateTime End)?>().FirstOrDefault();
        return new MaintenanceDto(
            w.Id, w.Title, [.. w.ComponentIds.Select(id => keys.GetValueOrDefault(id, id.ToString()))], w.LocalStart, w.TimeZone, w.DurationMinutes,
            w.Recurrence, w.RecursUntil, next?.Start, next?.End, active is not null);
    }
}
