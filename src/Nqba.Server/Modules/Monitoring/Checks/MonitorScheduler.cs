using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Maintenance;
using Nqba.Server.Modules.Monitoring.Notifications;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>
/// Runs due checks (<see cref="MonitorCheckJob"/> calls it on its schedule). Each monitor's next due time is persisted;
/// an instance claims a check with a conditional update on the monitor's claim version, so however many instances run
/// it, each check runs once per interval. Each poll first moves components into and out of maintenance at the
/// windows' edges (<see cref="MaintenanceEdges"/>).
/// </summary>
internal sealed class MonitorScheduler(
    IServiceScopeFactory scopes,
    IEnumerable<IMonitorChecker> checkers,
    CheckRecorder recorder,
    NotificationRepeater repeater,
    IOptions<MonitoringOptions> options,
    TimeProvider time)
{
    private readonly Dictionary<MonitorKind, IMonitorChecker> _checkers = checkers.ToDictionary(c => c.Kind);

    /// <summary>Claims and runs every check due now (by this scheduler's clock); returns how many this instance ran.</summary>
    public Task<int> RunDueAsync(CancellationToken cancellationToken) => RunDueAsync(time.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>Claims and runs every check due at <paramref name="now"/>; returns how many this instance ran.</summary>
    public async Task<int> RunDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await MaintenanceEdges.ApplyAsync(scope.ServiceProvider.GetRequiredService<MonitoringDbContext>(), now, cancellationToken);
        }

        var claimed = await ClaimDueAsync(now, cancellationToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrentChecks, CancellationToken = cancellationToken },
            async (monitor, ct) =>
            {
                using var activity = NqbaTelemetry.ActivitySource.StartActivity("monitoring check");
                activity?.SetTag("monitor.id", monitor.Id);
                var outcome = _checkers.TryGetValue(monitor.Kind, out var checker)
                    ? await checker.CheckAsync(monitor, now, ct)
                    : new CheckOutcome(ServiceState.Unknown, null, $"No checker for {monitor.Kind}.");
                NqbaTelemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", "monitoring.check"));
                if (outcome is not null)
                {
                    await recorder.RecordAsync(monitor.Id, outcome, now, ct);
                }
            });
        await repeater.RunAsync(now, cancellationToken);
        return claimed.Count;
    }

    private async Task<List<ServiceMonitor>> ClaimDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var candidates = await db.Monitors.AsNoTracking()
            .Where(m => m.Enabled && m.NextDueAt <= now)
            .OrderBy(m => m.NextDueAt).Take(100).ToListAsync(cancellationToken);
        var claimed = new List<ServiceMonitor>();
        foreach (var monitor in candidates)
        {
            var next = now.AddSeconds(monitor.IntervalSeconds);
            var version = monitor.ClaimVersion;
            var rows = await db.Monitors
                .Where(m => m.Id == monitor.Id && m.ClaimVersion == version)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextDueAt, next).SetProperty(m => m.ClaimVersion, version + 1), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(monitor);
            }
        }

        return claimed;
    }
}
