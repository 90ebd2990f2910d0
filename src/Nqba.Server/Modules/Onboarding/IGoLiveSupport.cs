namespace Nqba.Server.Modules.Onboarding;

/// <summary>Onboarding's contract for other modules: whether a client is in the support period right after go-live.</summary>
public interface IGoLiveSupport
{
    /// <summary>
    /// Whether the organization went live within <see cref="OnboardingOptions.GoLiveSupportDays"/> before
    /// <paramref name="at"/> (UTC): its new tickets then get raised priority.
    /// </summary>
    Task<bool> IsInGoLiveWindowAsync(Guid organizationId, DateTime at, CancellationToken cancellationToken);
}
