namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>Computes one KPI's records for a period from the stored events.</summary>
internal interface IKpiCalculator
{
    KpiDefinition Definition { get; }

    /// <summary>The event types (stored names) this KPI reads, in the period and the look-back before it.</summary>
    IReadOnlyList<Type> EventTypes { get; }

    /// <summary>The records that count in <paramref name="window"/>, every unit (the engine filters by unit).</summary>
    IEnumerable<KpiRecord> Records(KpiEventSet events, KpiWindow window, DateTime now);
}
