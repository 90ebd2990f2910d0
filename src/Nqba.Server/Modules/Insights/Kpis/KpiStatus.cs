namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>Red/amber/green against the target; <see cref="None"/> when there is no value.</summary>
internal enum KpiStatus
{
    None,
    Green,
    Amber,
    Red,
}
