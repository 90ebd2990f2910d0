namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>Every computable KPI's records in each period of a trend (all units), as computed from one state of the event log.</summary>
internal sealed record KpiSnapshot(IReadOnlyList<KpiWindow> Windows, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<KpiRecord>>> Records);
