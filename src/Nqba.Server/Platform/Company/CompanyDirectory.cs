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
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var calendars = await db.Calendars.AsNoTracking().Include(c => c.Intervals).Include(c => c.Holidays).AsSplitQuery()
            .OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var calendarOf = calendars.ToDictionary(c => c.Id, c => new CalendarInfo(c.Id, c.Code, c.Name, c.ToHours()));
        // Names are encrypted at rest: sort after loading (which decrypts), not in SQL.
        var specialists = (await db.Specialists.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken))
            .OrderBy(s => s.DisplayName, StringComparer.Ordinal).ToList();
        var unitCode = units.ToDictionary(u => u.Id, u => u.Code);
        var regionCode = regions.ToDictionary(r => r.Id, r => r.Code);
        return new CompanySnapshot(
            units.ConvertAll(u => new UnitInfo(u.Id, u.Code, u.Name)),
            regions.ConvertAll(r => new RegionInfo(r.Id, r.Code, r.Name, r.ResidencyZone, calendarOf[r.CalendarId].Code, calendarOf[r.CalendarId].Hours)),
            specialists.ConvertAll(s => new SpecialistInfo(s.Id, s.DisplayName, s.Email, unitCode[s.BusinessUnitId], regionCode[s.RegionId],
                Split(s.Languages), Split(s.Skills), s.Capacity, s.Seniority, s.AbsentUntil)),
            [.. calendarOf.Values.OrderBy(c => c.Code, StringComparer.Ordinal)]);
    }

    private static List<string> Split(string csv) =>
        [.. csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => x.ToLowerInvariant())];
}
