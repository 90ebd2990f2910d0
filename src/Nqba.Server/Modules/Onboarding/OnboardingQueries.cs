using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Onboarding.Persistence;
using Nqba.Server.Modules.Support;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>
/// What the onboarding pages and API read. A client user sees only their own organization's (the tenant filter). The
/// health of a page of onboardings is read from Support and Access with one call each for the whole page.
/// </summary>
internal sealed class OnboardingQueries(
    OnboardingDbContext db,
    ICompanyDirectory company,
    IOrganizationTickets tickets,
    IOrganizationSatisfaction satisfaction,
    IClientProvisioning provisioning,
    IClientDirectory clients,
    IOptions<OnboardingOptions> options,
    TimeProvider time)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 100;

    public async Task<OnboardingDto?> ForOrganizationAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.Onboardings.AsNoTracking().Include(o => o.Steps).Include(o => o.Payments).AsSplitQuery().FirstOrDefaultAsync(o => o.OrganizationId == organizationId, cancellationToken) is { } o
            ? (await DtosAsync([o], cancellationToken))[0]
            : null;

    /// <summary>One page of every onboarding, those still in progress first, newest first within each.</summary>
    public async Task<Result<OnboardingPage>> ListAsync(int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number < 1)
        {
            return Error.Validation("page", "The page is a number from 1.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            return Error.Validation("pageSize", $"The page size is between 1 and {MaxPageSize}.");
        }

        var total = await db.Onboardings.CountAsync(cancellationToken);
        var rows = await db.Onboardings.AsNoTracking().Include(o => o.Steps).Include(o => o.Payments).AsSplitQuery()
            .OrderBy(o => o.LiveAt != null).ThenByDescending(o => o.StartedAt).ThenBy(o => o.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new OnboardingPage(await DtosAsync(rows, cancellationToken), number, size, total);
    }

    /// <summary>The specialists a step can be given to, by name.</summary>
    public async Task<IReadOnlyList<SpecialistInfo>> OwnersAsync(CancellationToken cancellationToken) =>
        [.. (await company.GetAsync(cancellationToken)).Specialists.OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)];

    private async Task<List<OnboardingDto>> DtosAsync(IReadOnlyList<ClientOnboarding> rows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = rows.Select(o => o.OrganizationId).ToList();
        var names = await StaffNamesAsync(cancellationToken);
        var load = await tickets.OpenLoadAsync(ids, cancellationToken);
        var answers = await satisfaction.ForOrganizationsAsync(ids, now.AddDays(-OnboardingHealth.SatisfactionDays), cancellationToken);
        var usage = await provisioning.UsageAsync(ids, now.AddDays(-OnboardingHealth.UsageDays), cancellationToken);
        var organizations = await clients.NamesAsync(ids, cancellationToken);
        var members = await provisioning.MembersAsync(ids, cancellationToken);
        var onboardingIds = rows.Select(o => o.Id).ToList();
        var training = (await db.TrainingSessions.AsNoTracking().Include(s => s.Attendance).Where(s => onboardingIds.Contains(s.OnboardingId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.OnboardingId);
        return rows.Select(o => OnboardingDto.From(o, now, names, options.Value.GoLiveSupportDays,
            new HealthInputs(load.GetValueOrDefault(o.OrganizationId), answers.GetValueOrDefault(o.OrganizationId), usage.GetValueOrDefault(o.OrganizationId)),
            organizations.GetValueOrDefault(o.OrganizationId), members.GetValueOrDefault(o.OrganizationId) ?? [], training[o.Id])).ToList();
    }

    private async Task<IReadOnlyDictionary<Guid, string>> StaffNamesAsync(CancellationToken cancellationToken) =>
        (await company.GetAsync(cancellationToken)).Specialists.ToDictionary(s => s.Id, s => s.DisplayName);
}
