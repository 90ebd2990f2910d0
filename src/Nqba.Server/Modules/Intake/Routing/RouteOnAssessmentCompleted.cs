using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>Routes a lead at once (fast path) when its assessment is completed.</summary>
internal sealed partial class RouteOnAssessmentCompleted(LeadRouting routing, ILogger<RouteOnAssessmentCompleted> logger) : IEventSubscriber<AssessmentCompleted>
{
    public async Task HandleAsync(AssessmentCompleted domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var result = await routing.RouteAsync(domainEvent.LeadId, "system", cancellationToken);
        if (!result.Succeeded)
        {
            // Not an error of the system: the lead waits for the next batch run or a staff member.
            LogNotRouted(logger, domainEvent.LeadId, result.Error.Detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lead {LeadId} was not routed: {Reason}")]
    private static partial void LogNotRouted(ILogger logger, Guid leadId, string reason);
}
