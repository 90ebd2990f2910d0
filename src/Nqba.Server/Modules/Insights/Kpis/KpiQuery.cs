namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>What to compute: the period length, the period holding <see cref="At"/>, and one business unit or all (null).</summary>
internal sealed record KpiQuery(KpiPeriod Period, string? Unit, DateTime? At);
