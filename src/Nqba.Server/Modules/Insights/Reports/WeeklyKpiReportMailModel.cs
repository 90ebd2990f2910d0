namespace Nqba.Server.Modules.Insights.Reports;

/// <summary>The weekly KPI report: the week it covers and one line per KPI.</summary>
public sealed record WeeklyKpiReportMailModel(DateTime WeekStart, DateTime WeekEnd, IReadOnlyList<WeeklyKpiLine> Kpis);

/// <summary>One KPI of the weekly report: its id (the name is localized from it), value (null: no data yet), unit, target and status (green, amber, red, none).</summary>
public sealed record WeeklyKpiLine(string Id, double? Value, string Unit, double Target, string Status);
