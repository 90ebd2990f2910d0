namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>A KPI's value for one group (a unit's code, a channel, a component's name; "none" when the records have no group) and how many records it rests on.</summary>
internal sealed record KpiBreakdownDto(string Group, double? Value, int Records);
