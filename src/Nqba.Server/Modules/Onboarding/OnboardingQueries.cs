using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Onboarding.Persistence;
using Nqba.Server.Modules.Support;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>What the onboarding pages and API read. A client user sees only their own organization's (the tenant filter).</summary>
internal sealed class OnboardingQueries(OnboardingDbContext db, ICompanyDirectory company, IOrganizationTickets tickets, IOptions<OnboardingOptions> options, TimeProvider time)
{
    public async Task<OnboardingDto?> ForOrganizationAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.Onboardings.AsNoTracking().Include(o => o.Steps).Include(o => o.Payments).AsSplitQuery().FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken) is { } o
            ? OnboardingDto.From(o, time.GetUtcNow().UtcDateTime, await StaffNamesAsync(cancellationToken), options.Value.GoLiveSupportDays,
                await tickets.ForOrganizationAsync(organizationId, OnboardingHealth.TicketWindow, cancellationToken))
            : null;

    /// <summary>Every onboarding, those still in progress first, newest first within each.</summary>
    public async Task<IReadOnlyList<OnboardingDto>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Onboardings.AsNoTracking().Include(o => o.Steps).Include(o => o.Payments).AsSplitQuery()
            .OrderBy(o => o.LiveAt != null).ThenByDescending(o => o.StartedAt).Take(500).ToListAsync(cancellationToken);
        var names = await StaffNamesAsync(cancellationToken);
        var list = new List<OnboardingDto>(rows.Count);
        foreach (var o in rows)
        {
            list.Add(OnboardingDto.From(o, now, names, options.Value.GoLiveSupportDays, await tickets.ForOrganizationAsync(o.OrganizationId, OnboardingHealth.TicketWindow, cancellationToken)));
        }

        return list;
    }

    /// <summary>The specialists a step can be given to, by name.</summary>
    public async Task<IReadOnlyList<SpecialistInfo>> OwnersAsync(CancellationToken cancellationToken) =>
        [.. (await company.GetAsync(cancellationToken)).Specialists.OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)];

    private async Task<IReadOnlyDictionary<Guid, string>> StaffNamesAsync(CancellationToken cancellationToken) =>
        (await company.GetAsync(cancellationToken)).Specialists.ToDictionary(s => s.Id, s => s.DisplayName);
}
