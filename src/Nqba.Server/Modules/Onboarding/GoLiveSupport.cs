using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Onboarding.Persistence;

namespace Nqba.Server.Modules.Onboarding;

/// <inheritdoc/>
internal sealed class GoLiveSupport(OnboardingDbContext db, IOptions<OnboardingOptions> options) : IGoLiveSupport
{
    /// <inheritdoc/>
    public async Task<bool> IsInGoLiveWindowAsync(Guid organizationId, DateTime at, CancellationToken cancellationToken)
    {
        var days = options.Value.GoLiveSupportDays;
        if (days == 0)
        {
            return false;
        }

        var since = at.AddDays(-days);
        // Whoever opens the ticket (the client, an agent, a channel with no tenant), the rule is the organization's.
        return await db.Onboardings.IgnoreQueryFilters().AnyAsync(o => o.OrganizationId == organizationId && o.LiveAt != null && o.LiveAt <= at && o.LiveAt > since, cancellationToken);
    }
}
