using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Pipeline;

namespace Nqba.Server.Modules.Insights.Calculators;

/// <summary>Demo-to-close rate: of the deals that reached the demo stage and closed in the period, the share won.</summary>
internal sealed class DemoToCloseCalculator : IKpiCalculator
{
    public KpiDefinition Definition { get; } = new(
        "demo-to-close", "Demo-to-close rate",
        "DealWon ÷ (DealWon + DealLost) × 100 over the deals closed in the period that had a DealStageChanged to demo",
        "%", KpiDirection.HigherIsBetter, Target: 35, Amber: 25, KpiAggregate.Share);

    public IReadOnlyList<Type> EventTypes { get; } = [typeof(DealStageChanged), typeof(DealWon), typeof(DealLost)];

    public IEnumerable<KpiRecord> Records(KpiEventSet events, KpiWindow window, DateTime now)
    {
        var demoed = events.Of<DealStageChanged>().Where(c => c.ToStage == "demo").Select(c => c.DealId).ToHashSet();
        foreach (var won in events.Of<DealWon>().Where(w => window.Contains(w.At) && demoed.Contains(w.DealId)))
        {
            var unit = won.UnitCode ?? events.UnitOf(won.OrganizationId);
            yield return new KpiRecord("deal", won.DealId, won.At, unit, unit, 1, "won after a demo");
        }

        foreach (var lost in events.Of<DealLost>().Where(l => window.Contains(l.At) && demoed.Contains(l.DealId)))
        {
            var unit = events.UnitOf(lost.OrganizationId);
            yield return new KpiRecord("deal", lost.DealId, lost.At, unit, unit, 0, "lost after a demo");
        }
    }
}
