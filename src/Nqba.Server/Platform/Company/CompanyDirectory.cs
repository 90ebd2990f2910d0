using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Platform.Company;

/// <inheritdoc/>
internal sealed class CompanyDirectory(PlatformDbContext db, CompanySnapshotCache cache, TimeProvider time) : ICompanyDirectory
{
    public async Task<CompanySnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.Current is { } cached)
        {
            return cached;
        }

        var generation = cache.Generation;
        var loadedAt = time.GetUtcNow();
        var snapshot = await LoadAsync(cancellationToken);
        cache.Store(snapshot, generation, loadedAt);
        return snapshot;
    }

    private async Task<CompanySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var units = await db.BusinessUnits.AsNoTracking().OrderBy(u => u.Name).ToListAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().Include(r => r.Holidays).OrderBy(r => r.Code).ToListAsync(cancellationToken);
        // Names are encrypted at rest: sort after loading (which decrypts), not in SQL.
        var specialists = (await db.Specialists.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken))
            .OrderBy(s => s.DisplayName, StringComparer.Ordinal).ToList();
        var unitCode = units.ToDictionary(u => u.Id, u => u.Code);
        var regionCode = regions.ToDictionary(r => r.Id, r => r.Code);
        return new CompanySnapshot(
            units.ConvertAll(u => new UnitInfo(u.Id, u.Code, u.Name)),
            regions.ConvertAll(r => new RegionInfo(r.Id, r.Code, r.Name, r.ResidencyZone, new BusinessHours(
                r.TimeZone, r.OpensAt, r.ClosesAt,
                [.. r.WorkingDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)],
                [.. r.Holidays.Select(h => h.Date)]))),
            specialists.ConvertAll(s => new SpecialistInfo(s.Id, s.DisplayName, s.Email, unitCode[s.BusinessUnitId], regionCode[s.RegionId],
                Split(s.Languages), Split(s.Skills), s.Capacity, s.Seniority, s.AbsentUntil)));
    }

    private static List<string> Split(string csv) =>
        [.. csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => x.ToLowerInvariant())];
}
