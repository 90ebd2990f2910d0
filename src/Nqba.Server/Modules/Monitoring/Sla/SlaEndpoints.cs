using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Server.Platform.Audit;
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

    private static async Task<Results<NoContent, ProblemHttpResult>> SetClientServices(Guid organizationId, ClientServicesRequest request, MonitoringDbContext db, IAuditLedger audit, CancellationToken ct)
    {
        if (request.Services.Any(s => s is null))
        {
            return Error.Validation("services", "A service must not be null.").ToProblem();
        }

        var keys = await db.Components.ToDictionaryAsync(c => c.Key, c => c.Id, ct);
        var unknown = request.Services.Select(s => s.Component).Where(k => !keys.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            return Error.Validation("services", $"Unknown component(s): {string.Join(", ", unknown)}.").ToProblem();
        }

        db.RemoveRange(await db.ClientServices.Where(s => s.OrganizationId == organizationId).ToListAsync(ct));
        foreach (var service in request.Services.DistinctBy(s => s.Component))
        {
            db.ClientServices.Add(new ClientService { Id = Guid.CreateVersion7(), OrganizationId = organizationId, ComponentId = keys[service.Component], MonthlyFee = service.MonthlyFee });
        }

        audit.Stage(db, new AuditRecord("monitoring.client_services.set", "ClientServices", organizationId.ToString(), After: request, OrganizationId: organizationId));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
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
