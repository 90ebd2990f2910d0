using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
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
        return TypedResults.Ok(windows.ConvertAll(w => MaintenanceDto.From(w, keys, now)));
    }

    private static async Task<Results<Created<MaintenanceDto>, ProblemHttpResult>> CreateMaintenanceWindow(MaintenanceRequest request, MaintenancePlanner planner, CancellationToken ct)
    {
        var result = await planner.CreateAsync(request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/monitoring/maintenance/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMaintenanceWindow(Guid id, MaintenancePlanner planner, CancellationToken ct)
    {
        var result = await planner.DeleteAsync(id, ct);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}
