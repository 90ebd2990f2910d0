using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Scheduling;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// Opens and advances deals from what Intake and Scheduling report: a captured lead opens its deal, a completed
/// assessment and a routing move it on, a booked qualification call or demo (by meeting type) moves it to that stage,
/// and a held demo meets the <c>demo-held</c> gate. Idempotent: a replayed event finds the deal already there.
/// </summary>
internal sealed class AdvanceDealsFromEvents(DealDesk desk, IOptions<PipelineOptions> options) :
    IEventSubscriber<LeadCaptured>,
    IEventSubscriber<AssessmentCompleted>,
    IEventSubscriber<LeadRouted>,
    IEventSubscriber<MeetingBooked>,
    IEventSubscriber<MeetingHeld>
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

    private static string By(StoredEventInfo info) => $"event:{info.Type}";

    private DealStage? StageOf(string meetingType) =>
        options.Value.DemoMeetingTypes.Contains(meetingType, StringComparer.Ordinal) ? DealStage.Demo
        : options.Value.QualificationMeetingTypes.Contains(meetingType, StringComparer.Ordinal) ? DealStage.Qualification
        : null;
}
