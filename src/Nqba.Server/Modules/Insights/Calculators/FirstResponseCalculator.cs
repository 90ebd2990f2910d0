using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Support;

namespace Nqba.Server.Modules.Insights.Calculators;

/// <summary>
/// First response per channel: the share of tickets opened in the period whose first-response SLA clock (the
/// channel's target: chat 30 s, e-mail 2 h, ticket 4 h, urgent 1 h, emergency 15 min) did not breach.
/// </summary>
internal sealed class FirstResponseCalculator : IKpiCalculator
{
    public KpiDefinition Definition { get; } = new(
        "first-response", "First response within target",
        "tickets opened (TicketOpened) in the period without an SlaBreached on their first-response clock ÷ tickets opened × 100, per channel",
        "%", KpiDirection.HigherIsBetter, Target: 95, Amber: 90, KpiAggregate.Share, BreakdownBy: "channel");

    public IReadOnlyList<Type> EventTypes { get; } = [typeof(TicketOpened), typeof(SlaBreached), typeof(LeadRouted), typeof(DealWon)];

    public static string ChannelId(TicketChannel channel) => channel switch
    {
        TicketChannel.WebForm => "web-form",
        _ => channel.ToString().ToLowerInvariant(),
    };

    public IEnumerable<KpiRecord> Records(KpiEventSet events, KpiWindow window, DateTime now)
    {
        var breached = events.Of<SlaBreached>().Where(b => b.Clock == SlaClockKind.FirstResponse && b.TicketId is not null)
            .Select(b => b.TicketId!.Value).ToHashSet();
        foreach (var opened in events.Of<TicketOpened>().Where(o => window.Contains(o.At)))
        {
            var met = !breached.Contains(opened.TicketId);
            yield return new KpiRecord("ticket", opened.TicketId, opened.At, events.UnitOf(opened.OrganizationId), ChannelId(opened.Channel), met ? 1 : 0,
                met ? "first response not breached" : "first response breached");
        }
    }
}
