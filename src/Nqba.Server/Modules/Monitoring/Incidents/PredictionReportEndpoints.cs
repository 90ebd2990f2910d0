using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Incidents;

internal static class PredictionReportEndpoints
{
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(24);

    public static IEndpointRouteBuilder MapPredictionReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/monitoring/reports/predictions", GetPredictionReport)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithTags("Monitoring")
            .WithName("GetPredictionReport")
            .WithSummary("How often predicted warnings preceded real (automatic) incidents, within 24 hours, on the same component");
        return app;
    }

    private static async Task<Ok<PredictionReportDto>> GetPredictionReport(MonitoringDbContext db, CancellationToken ct)
    {
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.Origin == IncidentOrigin.Predicted || i.Origin == IncidentOrigin.Automatic)
            .Select(i => new { i.Origin, i.OpenedAt, i.ComponentIds }).ToListAsync(ct);
        var warnings = incidents.Where(i => i.Origin == IncidentOrigin.Predicted).ToList();
        var automatic = incidents.Where(i => i.Origin == IncidentOrigin.Automatic).ToList();
        bool Precedes(DateTime warnedAt, List<Guid> warned, DateTime openedAt, List<Guid> failed) =>
            warnedAt <= openedAt && openedAt - warnedAt <= Horizon && warned.Intersect(failed).Any();
        var followed = warnings.Count(w => automatic.Any(a => Precedes(w.OpenedAt, w.ComponentIds, a.OpenedAt, a.ComponentIds)));
        var preceded = automatic.Count(a => warnings.Any(w => Precedes(w.OpenedAt, w.ComponentIds, a.OpenedAt, a.ComponentIds)));
        return TypedResults.Ok(new PredictionReportDto(
            warnings.Count, followed, automatic.Count, preceded, automatic.Count > 0 ? Math.Round(100.0 * preceded / automatic.Count, 1) : null));
    }
}
