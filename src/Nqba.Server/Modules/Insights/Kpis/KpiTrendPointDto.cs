namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>A KPI's value in one period of its trend (null: no data in that period).</summary>
internal sealed record KpiTrendPointDto(DateTime PeriodStart, double? Value);
