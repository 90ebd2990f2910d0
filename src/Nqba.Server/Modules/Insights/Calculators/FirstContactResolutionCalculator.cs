using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Support;

namespace Nqba.Server.Modules.Insights.Calculators;

/// <summary>
/// First-contact resolution, as Support computes it: a ticket first solved in the period counts as resolved when that
/// solve came after exactly one agent response and no second solve (a reopen) followed within seven days; tickets
/// solved less than seven days ago are not decided yet, tickets solved without any agent response are left out.
/// </summary>
internal sealed class FirstContactResolutionCalculator : IKpiCalculator
{
    private static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(7);

    public KpiDefinition Definition { get; } = new(
        "first-contact-resolution", "First-contact resolution",
        "tickets first solved (TicketSolved) in the period after exactly one agent response and not solved again within 7 days ÷ tickets decided × 100; solves younger than 7 days and solves without an agent response are left out",
        "%", KpiDirection.HigherIsBetter, Target: 85, Amber: 75, KpiAggregate.Share);

    public IReadOnlyList<Type> EventTypes { get; } = [typeof(TicketSolved), typeof(LeadRouted), typeof(DealWon)];

    public IEnumerable<KpiRecord> Records(KpiEventSet events, KpiWindow window, DateTime now)
    {
        foreach (var solves in events.Of<TicketSolved>().GroupBy(s => s.TicketId))
        {
            var ordered = solves.OrderBy(s => s.At).ToList();
            var first = ordered[0];
            if (!window.Contains(first.At) || first.AgentResponses == 0)
            {
                continue;
            }

            var reopened = ordered.Skip(1).Any(s => s.At <= first.At + ReopenWindow);
            if (!reopened && first.AgentResponses == 1 && now < first.At + ReopenWindow)
            {
                continue;
            }

            var resolved = !reopened && first.AgentResponses == 1;
            var unit = events.UnitOf(first.OrganizationId);
            yield return new KpiRecord("ticket", first.TicketId, first.At, unit, unit, resolved ? 1 : 0,
                resolved ? "solved at the first response" : reopened ? "reopened within 7 days" : $"{first.AgentResponses} agent responses");
        }
    }
}
