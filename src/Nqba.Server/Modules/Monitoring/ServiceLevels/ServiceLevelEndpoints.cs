using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.ServiceLevels;

internal static class ServiceLevelEndpoints
{
    public static IEndpointRouteBuilder MapServiceLevelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/monitoring/service-levels", GetServiceLevels)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithTags("Monitoring")
            .WithName("GetServiceLevels")
            .WithSummary("API latency, database query time and optimization time (average, p95, p99) against the targets: API < 25 ms, DB < 10 ms, optimizer < 100 ms average");
        return app;
    }

    private static Ok<IReadOnlyList<ServiceLevelDto>> GetServiceLevels(ServiceLevelMeter meter) =>
        TypedResults.Ok(meter.Summary());
}
