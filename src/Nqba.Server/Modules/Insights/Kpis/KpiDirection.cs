namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>Which way a KPI improves.</summary>
internal enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
}
