namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>One period: [<see cref="Start"/>, <see cref="End"/>) in UTC.</summary>
internal readonly record struct KpiWindow(DateTime Start, DateTime End)
{
    public bool Contains(DateTime at) => at >= Start && at < End;
}
