using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>The query string of the KPI endpoints and pages: period (week, month, quarter), unit (a code) and from (a date in the period).</summary>
internal sealed class KpiQueryRequest
{
    public string? Period { get; init; }

    public string? Unit { get; init; }

    public string? From { get; init; }

    /// <summary>The query, or a validation error naming each bad parameter.</summary>
    public async Task<Result<KpiQuery>> ToQueryAsync(ICompanyDirectory company, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var period = KpiPeriods.Parse(Period);
        if (period is null)
        {
            errors["period"] = [$"period must be one of {KpiPeriods.Names}."];
        }

        var unit = string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim();
        if (unit is not null && !(await company.GetAsync(cancellationToken)).Units.Any(u => string.Equals(u.Code, unit, StringComparison.OrdinalIgnoreCase)))
        {
            errors["unit"] = ["unit must be the code of a business unit."];
        }
        else if (unit is not null)
        {
            unit = (await company.GetAsync(cancellationToken)).Units.First(u => string.Equals(u.Code, unit, StringComparison.OrdinalIgnoreCase)).Code;
        }

        DateTime? from = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            from = QueryValues.Date(From);
            if (from is null || from.Value.Year < 2000 || from.Value.Year > 9000)
            {
                errors["from"] = ["from must be a date (yyyy-MM-dd)."];
            }
        }

        return errors.Count > 0 ? Error.Validation(errors) : new KpiQuery(period!.Value, unit, from is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null);
    }
}
