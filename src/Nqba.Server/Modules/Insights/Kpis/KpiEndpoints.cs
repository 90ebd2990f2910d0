using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Insights.Kpis;

internal static class KpiEndpoints
{
    public static IEndpointRouteBuilder MapKpiEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/insights").WithTags("Insights").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/kpis", ListKpis)
            .WithName("ListKpis")
            .WithSummary("Every KPI for the period (week, month or quarter, default month) holding from (a date, default today) and one unit (code) or all: id, name, unit, value (null: no data yet), target, status (green, amber, red, none), trend of the last periods, formula, breakdown, and why it is not computable yet (unavailable). A bad parameter is a 400 naming it.");

        group.MapGet("/kpis/{id}/records", GetKpiRecords)
            .WithName("GetKpiRecords")
            .WithSummary("The drill-down of one KPI: its figures and the records behind the value (kind, subjectId, at, unit, group, value, detail; ids only), newest first. 404 for an unknown KPI.");

        group.MapGet("/kpis.csv", ExportKpis)
            .WithName("ExportKpis")
            .WithSummary("The same KPIs as CSV (UTF-8, one header row): id, name, unit, period start and end, value, target, status, records, formula.");

        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<KpiDto>>, ProblemHttpResult>> ListKpis([AsParameters] KpiQueryRequest request, ICompanyDirectory company, KpiEngine engine, CancellationToken ct)
    {
        var query = await request.ToQueryAsync(company, ct);
        return query.Succeeded ? TypedResults.Ok(await engine.ComputeAsync(query.Value, ct)) : query.Error.ToProblem();
    }

    private static async Task<Results<Ok<KpiRecordsDto>, ProblemHttpResult>> GetKpiRecords(string id, [AsParameters] KpiQueryRequest request, ICompanyDirectory company, KpiEngine engine, CancellationToken ct)
    {
        var query = await request.ToQueryAsync(company, ct);
        if (!query.Succeeded)
        {
            return query.Error.ToProblem();
        }

        return await engine.RecordsAsync(id, query.Value, ct) is { } records ? TypedResults.Ok(records) : Error.NotFound("KPI", id).ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportKpis([AsParameters] KpiQueryRequest request, ICompanyDirectory company, KpiEngine engine, CancellationToken ct)
    {
        var query = await request.ToQueryAsync(company, ct);
        if (!query.Succeeded)
        {
            return query.Error.ToProblem();
        }

        var kpis = await engine.ComputeAsync(query.Value, ct);
        return TypedResults.File(KpiCsv.Write(kpis, query.Value.Unit), "text/csv; charset=utf-8", "kpis.csv");
    }
}
