using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Intake;

namespace Nqba.Server.Modules.Insights.Calculators;

/// <summary>Lead response time: from a lead's capture to its routing to a specialist (who is notified then).</summary>
internal sealed class LeadResponseTimeCalculator : IKpiCalculator
{
    public KpiDefinition Definition { get; } = new(
        "lead-response-time", "Lead response time",
        "median over the leads captured in the period of (first LeadRouted time − LeadCaptured time), in minutes; leads not routed yet are left out",
        "min", KpiDirection.LowerIsBetter, Target: 5, Amber: 15, KpiAggregate.Median);

    public IReadOnlyList<Type> EventTypes { get; } = [typeof(LeadCaptured), typeof(LeadRouted)];

    public IEnumerable<KpiRecord> Records(KpiEventSet events, KpiWindow window, DateTime now)
    {
        var routed = events.Of<LeadRouted>().GroupBy(r => r.LeadId).ToDictionary(g => g.Key, g => g.MinBy(r => r.RoutedAt)!);
        foreach (var lead in events.Of<LeadCaptured>().Where(c => window.Contains(c.CapturedAt)))
        {
            if (routed.TryGetValue(lead.LeadId, out var route) && route.RoutedAt >= lead.CapturedAt)
            {
                var minutes = Math.Round((route.RoutedAt - lead.CapturedAt).TotalMinutes, 2);
                yield return new KpiRecord("lead", lead.LeadId, lead.CapturedAt, route.UnitCode, route.UnitCode, minutes, $"routed {minutes:0.##} min after capture");
            }
        }
    }
}
