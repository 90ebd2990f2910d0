namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>The length of the period a KPI is computed over (UTC calendar periods; weeks start on Monday).</summary>
internal enum KpiPeriod
{
    Week,
    Month,
    Quarter,
}
