using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Onboarding.Persistence;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>What the onboarding pages and API read. A client user sees only their own organization's (the tenant filter).</summary>
internal sealed class OnboardingQueries(OnboardingDbContext db, TimeProvider time)
{
    public async Task<OnboardingDto?> ForOrganizationAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.Onboardings.AsNoTracking().Include(o => o.Steps).FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken) is { } o
            ? OnboardingDto.From(o, time.GetUtcNow().UtcDateTime)
            : null;

    /// <summary>Every onboarding, those still in progress first, newest first within each.</summary>
    public async Task<IReadOnlyList<OnboardingDto>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Onboardings.AsNoTracking().Include(o => o.Steps).OrderBy(o => o.LiveAt != null).ThenByDescending(o => o.StartedAt).Take(500).ToListAsync(cancellationToken);
        return rows.ConvertAll(o => OnboardingDto.From(o, now));
    }
}
