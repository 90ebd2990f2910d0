using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Compliance;

internal static class ComplianceEndpoints
{
    public static IEndpointRouteBuilder MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/compliance").WithTags("Compliance").RequireAuthorization(NqbaPolicies.Compliance);

        group.MapGet("/", GetComplianceReport)
            .WithName("GetComplianceReport")
            .WithSummary("Backups against the RPO, the last restore drill against the RTO, the key ring and open privacy requests.");

        return app;
    }

    private static async Task<Ok<ComplianceReport>> GetComplianceReport(ComplianceService compliance, CancellationToken ct) =>
        TypedResults.Ok(await compliance.ReportAsync(ct));
}
