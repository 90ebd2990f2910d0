using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Sla;

internal static class SlaEndpoints
{
    public static IEndpointRouteBuilder MapSlaEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring/clients/{organizationId:guid}").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        group.MapPut("/services", SetClientServices)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("SetClientServices");

        group.MapGet("/sla", GetClientSlaReport)
            .WithName("GetClientSlaReport")
            .WithSummary("A client's monthly SLA report: availability of each subscribed service against its target, and the credit owed");

        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetClientServices(Guid organizationId, ClientServicesRequest request, ClientServiceCatalog catalog, CancellationToken ct)
    {
        var result = await catalog.SetAsync(organizationId, request, ct);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<SlaReportDto>, ProblemHttpResult>> GetClientSlaReport(Guid organizationId, string month, MonitoringDbContext db, IOptions<MonitoringOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var from))
        {
            return Error.Validation("month", "Use yyyy-MM, e.g. 2026-11.").ToProblem();
        }

        from = DateTime.SpecifyKind(from, DateTimeKind.Utc);
        var to = from.AddMonths(1);
        var services = await db.ClientServices.AsNoTracking().Where(s => s.OrganizationId == organizationId).ToListAsync(ct);
        if (services.Count == 0)
        {
            return Error.NotFound("Services of client organization", organizationId).ToProblem();
        }

        var ids = services.Select(s => s.ComponentId).ToList();
        var components = await db.Components.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var intervals = (await db.StateIntervals.AsNoTracking().Where(i => ids.Contains(i.ComponentId) && i.From < to && (i.To == null || i.To > from)).ToListAsync(ct))
            .ToLookup(i => i.ComponentId);
        var now = time.GetUtcNow().UtcDateTime;
        var lines = services.Select(s =>
        {
            var c = components[s.ComponentId];
            var figures = UptimeCalculator.Compute(intervals[c.Id], from, to, now, c.TargetPercent);
            var credit = SlaCredits.CreditPercent(figures.AvailabilityPercent, c.TargetPercent, options.Value);
            return new SlaLineDto(
                c.Key, c.Name, c.TargetPercent, figures.AvailabilityPercent is { } a ? Math.Round(a, 4) : null, figures.Down.TotalSeconds, figures.Maintenance.TotalSeconds,
                figures.MeetsTarget, credit, s.MonthlyFee, Math.Round(s.MonthlyFee * (decimal)credit / 100m, 2));
        }).OrderBy(l => l.Component, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new SlaReportDto(organizationId, month, from, to, lines, lines.Sum(l => l.Credit)));
    }
}
