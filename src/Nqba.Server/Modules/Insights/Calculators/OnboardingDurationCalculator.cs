using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Onboarding;
using Nqba.Server.Modules.Pipeline;

namespace Nqba.Server.Modules.Insights.Calculators;

/// <summary>Onboarding duration: from the won deal to the client going live (the event carries the duration).</summary>
internal sealed class OnboardingDurationCalculator : IKpiCalculator
{
    public KpiDefinition Definition { get; } = new(
        "onboarding-duration", "Onboarding duration",
        "average over the clients that went live in the period of ClientWentLive duration (won deal → live), in days",
        "days", KpiDirection.LowerIsBetter, Target: 4, Amber: 6, KpiAggregate.Mean);

    public IReadOnlyList<Type> EventTypes { get; } = [typeof(OnboardingStarted), typeof(ClientWentLive), typeof(DealWon)];

    public IEnumerable<KpiRecord> Records(KpiEventSet events, KpiWindow window, DateTime now)
    {
        var dealOf = events.Of<OnboardingStarted>().GroupBy(s => s.OnboardingId).ToDictionary(g => g.Key, g => g.First().DealId);
        var unitOfDeal = events.Of<DealWon>().Where(w => w.UnitCode is not null).GroupBy(w => w.DealId).ToDictionary(g => g.Key, g => g.First().UnitCode);
        foreach (var live in events.Of<ClientWentLive>().Where(l => window.Contains(l.At)))
        {
            var unit = dealOf.TryGetValue(live.OnboardingId, out var deal) && unitOfDeal.TryGetValue(deal, out var u) ? u : events.UnitOf(live.OrganizationId);
            var days = Math.Round(live.DurationHours / 24, 2);
            yield return new KpiRecord("onboarding", live.OrganizationId ?? live.OnboardingId, live.At, unit, unit, days, $"live {days:0.##} days after the won deal");
        }
    }
}
