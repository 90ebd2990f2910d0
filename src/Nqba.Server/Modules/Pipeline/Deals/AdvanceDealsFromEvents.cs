using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Scheduling;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// Opens and advances deals from what Intake and Scheduling report: a captured lead opens its deal, a completed
/// assessment and a routing move it on, a booked qualification call or demo (by meeting type) moves it to that stage,
/// and a held demo meets the <c>demo-held</c> gate. A sent proposal moves the deal to <c>proposal</c> and an accepted
/// one to <c>won</c>, through those stages' gates (a gate not met holds the move, recorded on the deal). Idempotent: a
/// replayed event finds the deal already there.
/// </summary>
internal sealed class AdvanceDealsFromEvents(DealDesk desk, IOptions<PipelineOptions> options) :
    IEventSubscriber<LeadCaptured>,
    IEventSubscriber<AssessmentCompleted>,
    IEventSubscriber<LeadRouted>,
    IEventSubscriber<MeetingBooked>,
    IEventSubscriber<MeetingHeld>,
    IEventSubscriber<ProposalSent>,
    IEventSubscriber<ProposalAccepted>
{
    public Task HandleAsync(LeadCaptured domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        desk.OpenForLeadAsync(domainEvent.LeadId, By(info), cancellationToken);

    public Task HandleAsync(AssessmentCompleted domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        desk.AdvanceAsync(domainEvent.LeadId, DealStage.Assessed, domainEvent.CompletedAt, By(info), "SigmaEQ assessment completed", null, cancellationToken);

    public Task HandleAsync(LeadRouted domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        desk.AdvanceAsync(domainEvent.LeadId, DealStage.Routed, domainEvent.RoutedAt, By(info), $"routed to {domainEvent.UnitCode}", deal =>
        {
            deal.OwnerId = domainEvent.SpecialistId;
            deal.UnitCode = domainEvent.UnitCode;
        }, cancellationToken);

    public Task HandleAsync(MeetingBooked domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        domainEvent.LeadId is { } leadId && StageOf(domainEvent.MeetingType) is { } stage
            ? desk.AdvanceAsync(leadId, stage, domainEvent.BookedAt, By(info), $"{domainEvent.MeetingType} booked", null, cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(MeetingHeld domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        domainEvent.LeadId is { } leadId && StageOf(domainEvent.MeetingType) is { } stage
            ? desk.AdvanceAsync(leadId, stage, domainEvent.RecordedAt, By(info), $"{domainEvent.MeetingType} held", deal =>
            {
                if (stage == DealStage.Demo)
                {
                    deal.DemoHeldAt ??= domainEvent.StartsAt;
                }
            }, cancellationToken)
            : Task.CompletedTask;

    /// <summary>A sent proposal: the deal enters <c>proposal</c>; a deal without a value takes the proposal's total.</summary>
    public Task HandleAsync(ProposalSent domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        desk.AdvanceThroughGatesAsync(domainEvent.DealId, DealStage.Proposal, domainEvent.At, info.EventId, By(info), $"proposal version {domainEvent.Version} sent", deal =>
        {
            if (deal.Value is null && domainEvent.Total > 0 && !DealStages.IsClosed(deal.Stage))
            {
                deal.Value = domainEvent.Total;
                deal.Currency = domainEvent.Currency;
            }
        }, cancellationToken);

    /// <summary>An accepted proposal: the deal is won, its value the accepted total.</summary>
    public Task HandleAsync(ProposalAccepted domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        desk.AdvanceThroughGatesAsync(domainEvent.DealId, DealStage.Won, domainEvent.At, info.EventId, By(info), $"proposal version {domainEvent.Version} accepted", deal =>
        {
            if (deal.Stage != DealStage.Lost && domainEvent.Total > 0)
            {
                deal.Value = domainEvent.Total;
                deal.Currency = domainEvent.Currency;
            }
        }, cancellationToken);

    private static string By(StoredEventInfo info) => $"event:{info.Type}";

    private DealStage? StageOf(string meetingType) =>
        options.Value.DemoMeetingTypes.Contains(meetingType, StringComparer.Ordinal) ? DealStage.Demo
        : options.Value.QualificationMeetingTypes.Contains(meetingType, StringComparer.Ordinal) ? DealStage.Qualification
        : null;
}
