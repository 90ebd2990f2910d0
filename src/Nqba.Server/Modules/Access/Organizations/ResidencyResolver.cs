using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Residency;

namespace Nqba.Server.Modules.Access.Organizations;

/// <summary>An organization's residency zone: the zone of its region. Cached: a client's region does not move.</summary>
internal sealed class ResidencyResolver(IServiceScopeFactory scopes) : IResidencyResolver
{
    private readonly ConcurrentDictionary<Guid, string> _zones = new();

    public async ValueTask<string?> ZoneOfAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        if (_zones.TryGetValue(organizationId, out var cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var regionCode = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id == organizationId).Select(o => o.RegionCode).FirstOrDefaultAsync(cancellationToken);
        if (regionCode is null)
        {
            return null;
        }

        var company = await scope.ServiceProvider.GetRequiredService<ICompanyDirectory>().GetAsync(cancellationToken);
        var zone = company.Regions.FirstOrDefault(r => r.Code == regionCode)?.ResidencyZone;
        if (zone is not null)
        {
            _zones[organizationId] = zone;
        }

        return zone;
    }
}
