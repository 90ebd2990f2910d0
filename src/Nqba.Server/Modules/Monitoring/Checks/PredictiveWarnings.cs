using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>
/// Raises "predicted" incidents before a monitor fails: when its latency or its error rate drifts out of its daily
/// baseline, and when its TLS certificate comes within 30, 7 or 1 days of expiry. A drift warning resolves itself
/// when the series is back within the baseline.
/// </summary>
internal static class PredictiveWarnings
{
    private static readonly int[] CertificateThresholds = [1, 7, 30];

    public static async Task EvaluateAsync(MonitoringDbContext db, ServiceMonitor monitor, CheckOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        if (outcome.CertificateDaysLeft is { } daysLeft)
        {
            await CertificateAsync(db, monitor, daysLeft, now, cancellationToken);
        }

        // Once the monitor is down the failure is no longer a prediction: the automatic incident speaks for it.
        if (monitor.State == ServiceState.Down)
        {
            return;
        }

        if (monitor.Kind is MonitorKind.Http or MonitorKind.Tcp && outcome.LatencyMs is not null)
        {
            await LatencyAsync(db, monitor, now, cancellationToken);
        }

        if (outcome.State != ServiceState.Unknown)
        {
            await ErrorsAsync(db, monitor, now, cancellationToken);
        }
    }

    private static async Task ErrorsAsync(MonitoringDbContext db, ServiceMonitor monitor, DateTime now, CancellationToken cancellationToken)
    {
        // The error series: every check that could tell (unknown outcomes are left out), failed or not.
        var checks = db.CheckResults.AsNoTracking().Where(r => r.MonitorId == monitor.Id && r.State != ServiceState.Unknown);
        var latest = await checks.Where(r => r.At <= now)
            .OrderByDescending(r => r.At).Take(ErrorRateBaseline.RecentChecks).Select(r => r.State == ServiceState.Down).ToListAsync(cancellationToken);
        var samples = new List<bool>();
        for (var day = 1; day <= 7; day++)
        {
            var from = now.AddDays(-day).AddMinutes(-30);
            var to = now.AddDays(-day).AddMinutes(30);
            samples.AddRange(await checks.Where(r => r.At >= from && r.At < to).Select(r => r.State == ServiceState.Down).ToListAsync(cancellationToken));
        }

        if (ErrorRateBaseline.Learn(samples) is not { } baseline)
        {
            return;
        }

        var key = $"errors:{monitor.Id}";
        var open = await db.Incidents.Include(i => i.Updates)
            .FirstOrDefaultAsync(i => i.PredictionKey == key && i.Status != IncidentStatus.Resolved, cancellationToken);
        var failures = latest.Count(f => f);
        if (open is null && baseline.Drifting(latest))
        {
            Raise(db, monitor, key, $"{monitor.Name}: error rate drifting above its baseline",
                $"{failures} of the last {latest.Count} checks failed ({100.0 * failures / latest.Count:F0} %); at this time of day {100 * baseline.Rate:F1} % fail ({baseline.Failures} of {baseline.Samples} checks). The retries still hold, but a failure may follow.",
                now);
        }
        else if (open is not null && baseline.Recovered(latest))
        {
            Resolve(db, open, $"The error rate is back within its baseline ({failures} of the last {latest.Count} checks failed).", now);
        }
    }

    private static async Task LatencyAsync(MonitoringDbContext db, ServiceMonitor monitor, DateTime now, CancellationToken cancellationToken)
    {
        var latest = await db.CheckResults.AsNoTracking()
            .Where(r => r.MonitorId == monitor.Id && r.LatencyMs != null && r.At <= now)
            .OrderByDescending(r => r.At).Take(3).Select(r => r.LatencyMs!.Value).ToListAsync(cancellationToken);
        var samples = new List<double>();
        for (var day = 1; day <= 7; day++)
        {
            var from = now.AddDays(-day).AddMinutes(-30);
            var to = now.AddDays(-day).AddMinutes(30);
            samples.AddRange(await db.CheckResults.AsNoTracking()
                .Where(r => r.MonitorId == monitor.Id && r.At >= from && r.At < to && r.LatencyMs != null && r.State != ServiceState.Down)
                .Select(r => r.LatencyMs!.Value).ToListAsync(cancellationToken));
        }

        if (LatencyBaseline.Learn(samples) is not { } baseline)
        {
            return;
        }

        var key = $"latency:{monitor.Id}";
        var open = await db.Incidents.Include(i => i.Updates)
            .FirstOrDefaultAsync(i => i.PredictionKey == key && i.Status != IncidentStatus.Resolved, cancellationToken);
        if (baseline.Drifting(latest) && open is null)
        {
            Raise(db, monitor, key, $"{monitor.Name}: latency drifting above its baseline",
                $"The last {latest.Count} checks took {string.Join(", ", latest.Select(l => $"{l:F0} ms"))}; at this time of day it usually takes {baseline.Mean:F0} ms (± {baseline.StandardDeviation:F0} ms over {baseline.Samples} checks). A failure may follow.",
                now);
        }
        else if (open is not null && latest.Count > 0 && latest.All(l => l <= baseline.Threshold))
        {
            Resolve(db, open, "Latency is back within its baseline.", now);
        }
    }

    private static void Resolve(MonitoringDbContext db, Incident open, string message, DateTime now)
    {
        open.Status = IncidentStatus.Resolved;
        open.ResolvedAt = now;
        db.IncidentUpdates.Add(new IncidentUpdate { Id = Guid.CreateVersion7(), IncidentId = open.Id, Status = IncidentStatus.Resolved, Message = message, At = now });
        db.Publish(new IncidentResolved(open.Id, open.Title, open.ComponentIds, Automatic: true, open.OpenedAt, now), now);
    }

    private static async Task CertificateAsync(MonitoringDbContext db, ServiceMonitor monitor, double daysLeft, DateTime now, CancellationToken cancellationToken)
    {
        var threshold = CertificateThresholds.Where(t => daysLeft <= t).DefaultIfEmpty(0).First();
        if (threshold == 0)
        {
            return;
        }

        var key = $"certificate:{monitor.Id}:{threshold}";
        var since = now.AddDays(-60);
        if (await db.Incidents.AnyAsync(i => i.PredictionKey == key && i.OpenedAt > since, cancellationToken))
        {
            return;
        }

        Raise(db, monitor, key, $"{monitor.Name}: TLS certificate expires within {threshold} day{(threshold == 1 ? string.Empty : "s")}",
            $"The certificate expires in {daysLeft:F1} days ({now.AddDays(daysLeft):yyyy-MM-dd HH:mm}Z). Renew it before it does.", now);
    }

    private static void Raise(MonitoringDbContext db, ServiceMonitor monitor, string key, string title, string message, DateTime now)
    {
        var incident = new Incident
        {
            Id = Guid.CreateVersion7(),
            Title = title,
            Status = IncidentStatus.Investigating,
            Origin = IncidentOrigin.Predicted,
            ComponentIds = [monitor.ComponentId],
            OpenedAt = now,
            PredictionKey = key,
        };
        incident.Updates.Add(new IncidentUpdate { Id = Guid.CreateVersion7(), IncidentId = incident.Id, Status = IncidentStatus.Investigating, Message = message, At = now });
        db.Incidents.Add(incident);
        db.Publish(new IncidentOpened(incident.Id, title, incident.ComponentIds, Automatic: false, Predicted: true, now), now);
    }
}
