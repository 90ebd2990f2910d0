using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Pipeline;

namespace Nqba.Server.Modules.Insights.Calculators;

/// <summary>Sales-cycle length: from a won deal's first contact (its lead's capture) to the win.</summary>
internal sealed class SalesCycleCalculator : IKpiCalculator
{
    public KpiDefinition Definition { get; } = new(
        "sales-cycle", "Sales-cycle length",
        "average over the deals won in the period of (DealWon time − LeadCaptured time of the deal's lead, else its first DealStageChanged), in days",
        "days", KpiDirection.LowerIsBetter, Target: 30, Amber: 45, KpiAggregate.Mean);

    public IReadOnlyList<Type> EventTypes { get; } = [typeof(LeadCaptured), typeof(DealStageChanged), typeof(DealWon)];

    public IEnumerable<KpiRecord> Records(KpiEventSet events, KpiWindow window, DateTime now)
    {
        var captured = events.Of<LeadCaptured>().GroupBy(c => c.LeadId).ToDictionary(g => g.Key, g => g.Min(c => c.CapturedAt));
        var firstMove = events.Of<DealStageChanged>().GroupBy(c => c.DealId).ToDictionary(g => g.Key, g => g.Min(c => c.At));
        foreach (var won in events.Of<DealWon>().Where(w => window.Contains(w.At)))
        {
            DateTime? start = won.LeadId is { } lead && captured.TryGetValue(lead, out var at) ? at
                : firstMove.TryGetValue(won.DealId, out var moved) ? moved : null;
            if (start is { } s && s <= won.At)
            {
                var days = Math.Round((won.At - s).TotalDays, 2);
                var unit = won.UnitCode ?? events.UnitOf(won.OrganizationId);
                yield return new KpiRecord("deal", won.DealId, won.At, unit, unit, days, $"won {days:0.##} days after first contact");
            }
        }
    }
}
