using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;

namespace Nqba.Server.Modules.Monitoring.Uptime;

/// <summary>Reads state history and turns it into uptime figures per component and per business unit.</summary>
internal static class UptimeQueries
{
    public static async Task<UptimeOverviewDto> OverviewAsync(MonitoringDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var components = await db.Components.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var since = now.AddDays(-366);
        var intervals = (await db.StateIntervals.AsNoTracking().Where(i => i.To == null || i.To > since).ToListAsync(cancellationToken))
            .ToLookup(i => i.ComponentId);

        var reports = components.ConvertAll(c => new UptimeReportDto(
            c.Key, c.Name, c.UnitCode, c.TargetPercent,
            UptimeCalculator.ForStandardPeriods([.. intervals[c.Id]], now, c.TargetPercent).ToDictionary(p => p.Key, p => UptimePeriodDto.From(p.Value), StringComparer.Ordinal)));

        var units = components.GroupBy(c => (c.UnitCode, c.UnitName)).Select(unit =>
        {
            // A unit's target is its own component's (the one named like the unit), else its strictest part's.
            var target = unit.FirstOrDefault(c => c.Key == unit.Key.UnitCode)?.TargetPercent ?? unit.Max(c => c.TargetPercent);
            var periods = UptimeCalculator.Periods.ToDictionary(
                p => p.Name,
                p => UptimePeriodDto.From(Sum(unit.Select(c => UptimeCalculator.Compute(intervals[c.Id], now - p.Length, now, now, target)), target)),
                StringComparer.Ordinal);
            return new UptimeReportDto(unit.Key.UnitCode, unit.Key.UnitName, unit.Key.UnitCode, target, periods);
        }).ToList();

        return new UptimeOverviewDto(now, reports, units);
    }

    /// <summary>Adds components' durations: a unit's availability is its components' available time over their measured time.</summary>
    public static UptimeFigures Sum(IEnumerable<UptimeFigures> figures, decimal target)
    {
        var list = figures.ToList();
        return new UptimeFigures(
            list.Count > 0 ? list.Min(f => f.From) : default,
            list.Count > 0 ? list.Max(f => f.To) : default,
            Total(list, f => f.Up),
            Total(list, f => f.Degraded),
            Total(list, f => f.Down),
            Total(list, f => f.Maintenance),
            Total(list, f => f.Unknown),
            target);
    }

    private static TimeSpan Total(List<UptimeFigures> list, Func<UptimeFigures, TimeSpan> part) =>
        list.Aggregate(TimeSpan.Zero, (sum, f) => sum + part(f));
}
