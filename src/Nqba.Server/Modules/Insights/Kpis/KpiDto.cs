namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>
/// A KPI for one period: value (null: no data yet), target, status (green, amber, red, none), the trend of the last
/// periods (oldest first), the formula in words, the breakdown of the period's value, and why it cannot be computed
/// yet when that is so (<see cref="Unavailable"/>).
/// </summary>
internal sealed record KpiDto(
    string Id,
    string Name,
    string Unit,
    double? Value,
    double Target,
    double Amber,
    string Direction,
    string Status,
    IReadOnlyList<KpiTrendPointDto> Trend,
    string Formula,
    string BreakdownBy,
    IReadOnlyList<KpiBreakdownDto> Breakdown,
    int Records,
    bool PerUnit,
    DateTime PeriodStart,
    DateTime PeriodEnd,
    string? Unavailable);
