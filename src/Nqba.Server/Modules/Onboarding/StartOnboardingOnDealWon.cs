using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>A won deal starts its client's onboarding (idempotent: a replay finds it started).</summary>
internal sealed class StartOnboardingOnDealWon(OnboardingDesk desk) : IEventSubscriber<DealWon>
{
    public Task HandleAsync(DealWon domainEvent, StoredEventInfo info, CancellationToken cancellationToken) => desk.StartAsync(domainEvent, cancellationToken);
}
