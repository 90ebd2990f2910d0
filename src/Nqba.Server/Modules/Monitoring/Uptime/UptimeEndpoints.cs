using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Uptime;

internal static class UptimeEndpoints
{
    public static IEndpointRouteBuilder MapUptimeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/monitoring/uptime", GetUptime)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithTags("Monitoring")
            .WithName("GetUptime")
            .WithSummary("Uptime per component and business unit over 24h, 7d, 30d, 90d and 1y, with the error budget left against each target");
        return app;
    }

    private static async Task<Ok<UptimeOverviewDto>> GetUptime(MonitoringDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await UptimeQueries.OverviewAsync(db, time.GetUtcNow().UtcDateTime, ct));
}
