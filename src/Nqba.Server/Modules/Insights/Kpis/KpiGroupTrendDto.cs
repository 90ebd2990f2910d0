namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>A KPI's trend for one group of its breakdown (a unit, a channel, a component).</summary>
internal sealed record KpiGroupTrendDto(string Group, IReadOnlyList<KpiTrendPointDto> Trend);
