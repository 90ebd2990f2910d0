using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>
/// Average response times from the check history, as Uptime Kuma shows them (24 hours and 30 days). Checks that failed
/// are left out: a timeout's latency is the timeout, not how fast the service answers.
/// </summary>
internal static class ResponseTimes
{
    public static async Task<Dictionary<Guid, (double? Day, double? Month)>> AveragesAsync(
        MonitoringDbContext db, IReadOnlyCollection<Guid> monitorIds, DateTime now, CancellationToken cancellationToken)
    {
        var day = await AverageSinceAsync(db, monitorIds, now.AddHours(-24), cancellationToken);
        var month = await AverageSinceAsync(db, monitorIds, now.AddDays(-30), cancellationToken);
        return monitorIds.ToDictionary(id => id, id => (day.GetValueOrDefault(id), month.GetValueOrDefault(id)));
    }

    /// <summary>The average response time (ms) of these monitors' successful checks since <paramref name="since"/>; null without any.</summary>
    public static async Task<double?> AverageAsync(MonitoringDbContext db, IReadOnlyCollection<Guid> monitorIds, DateTime since, CancellationToken cancellationToken) =>
        await Answered(db, monitorIds, since).AverageAsync(r => r.LatencyMs, cancellationToken);

    private static async Task<Dictionary<Guid, double?>> AverageSinceAsync(MonitoringDbContext db, IReadOnlyCollection<Guid> monitorIds, DateTime since, CancellationToken cancellationToken) =>
        await Answered(db, monitorIds, since).GroupBy(r => r.MonitorId)
            .Select(g => new { g.Key, Average = g.Average(r => r.LatencyMs) })
            .ToDictionaryAsync(g => g.Key, g => g.Average, cancellationToken);

    private static IQueryable<CheckResult> Answered(MonitoringDbContext db, IReadOnlyCollection<Guid> monitorIds, DateTime since) =>
        db.CheckResults.AsNoTracking().Where(r => monitorIds.Contains(r.MonitorId) && r.At >= since && r.LatencyMs != null && r.State != ServiceState.Down);
}
