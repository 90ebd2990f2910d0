using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Compliance;

internal static class ComplianceEndpoints
{
    public static IEndpointRouteBuilder MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/compliance").WithTags("Compliance").RequireAuthorization(NqbaPolicies.Compliance);

        group.MapGet("/", async Task<Ok<ComplianceReport>> (ComplianceService compliance, CancellationToken ct) =>
            TypedResults.Ok(await compliance.ReportAsync(ct)))
            .WithName("GetComplianceReport")
            .WithSummary("Backups against the RPO, the last restore drill against the RTO, the key ring and open privacy requests.");

        return app;
    }
}
