namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>The drill-down of a KPI: its figures for the period, its trend per group, and the records behind the value, newest first.</summary>
internal sealed record KpiRecordsDto(KpiDto Kpi, IReadOnlyList<KpiGroupTrendDto> GroupTrends, IReadOnlyList<KpiRecordDto> Records);
