using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Monitoring;

namespace Nqba.Server.Modules.Insights.Calculators;

/// <summary>
/// Uptime per component from its state changes, as Monitoring counts it: up and degraded time (and pending, a failure
/// within its retries) is available, down is not, maintenance and unknown time are not measured.
/// </summary>
internal sealed class UptimeCalculator : IKpiCalculator
{
    public KpiDefinition Definition { get; } = new(
        "uptime", "Uptime",
        "(up + degraded time) ÷ (up + degraded + down time) × 100 per component, from ComponentStateChanged; maintenance and unknown time left out; overall: weighted by measured time",
        "%", KpiDirection.HigherIsBetter, Target: 99.97, Amber: 99.9, KpiAggregate.WeightedMean, BreakdownBy: "component", PerUnit: false);

    public IReadOnlyList<Type> EventTypes { get; } = [typeof(ComponentStateChanged)];

    public IEnumerable<KpiRecord> Records(KpiEventSet events, KpiWindow window, DateTime now)
    {
        var end = window.End < now ? window.End : now;
        foreach (var component in events.Of<ComponentStateChanged>().GroupBy(c => c.ComponentId))
        {
            var changes = component.OrderBy(c => c.At).ToList();
            double available = 0, down = 0;
            for (var i = 0; i < changes.Count; i++)
            {
                var from = changes[i].At > window.Start ? changes[i].At : window.Start;
                var to = i + 1 < changes.Count && changes[i + 1].At < end ? changes[i + 1].At : end;
                if (to <= from)
                {
                    continue;
                }

                var seconds = (to - from).TotalSeconds;
                switch (changes[i].To)
                {
                    case ServiceState.Up or ServiceState.Degraded or ServiceState.Pending:
                        available += seconds;
                        break;
                    case ServiceState.Down:
                        down += seconds;
                        break;
                }
            }

            var measured = available + down;
            if (measured > 0)
            {
                var last = changes[^1];
                var percent = Math.Round(100 * available / measured, 3);
                yield return new KpiRecord("component", component.Key, window.Start, null, last.ComponentName, percent,
                    $"{TimeSpan.FromSeconds(Math.Round(down)):c} down of {TimeSpan.FromSeconds(Math.Round(measured)):c} measured", measured);
            }
        }
    }
}
