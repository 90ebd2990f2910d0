using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Scheduling;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// A client's onboarding call booked (or held) through Scheduling, of <see cref="OnboardingOptions.OnboardingCallMeetingType"/>,
/// completes their onboarding-call step with the booking as evidence. Idempotent: a step done already stays as it was.
/// </summary>
internal sealed class CompleteCallOnMeeting(OnboardingDesk desk, IOptions<OnboardingOptions> options) : IEventSubscriber<MeetingBooked>, IEventSubscriber<MeetingHeld>
{
    public Task HandleAsync(MeetingBooked domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        CompleteAsync(domainEvent.OrganizationId, domainEvent.MeetingType, domainEvent.BookingId, "booked", domainEvent.StartsAt, cancellationToken);

    public Task HandleAsync(MeetingHeld domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        CompleteAsync(domainEvent.OrganizationId, domainEvent.MeetingType, domainEvent.BookingId, "held", domainEvent.StartsAt, cancellationToken);

    private async Task CompleteAsync(Guid? organizationId, string meetingType, Guid bookingId, string what, DateTime startsAt, CancellationToken cancellationToken)
    {
        if (organizationId is not { } organization || !string.Equals(meetingType, options.Value.OnboardingCallMeetingType, StringComparison.Ordinal))
        {
            return;
        }

        // No onboarding (not a won client) or the step done already: nothing to do, whatever the result says.
        await desk.CompleteAsync(organization, OnboardingSteps.Id(OnboardingStepKind.OnboardingCall),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Onboarding call {what} for {startsAt:yyyy-MM-dd HH:mm} UTC (booking {bookingId})"), "scheduling", cancellationToken);
    }
}
