using Nqba.Server.Modules.Monitoring.Catalog;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>Heartbeat: the service pushes (each push is a check); no push for longer than the interval (plus the timeout as grace) is down.</summary>
internal sealed class HeartbeatChecker : IMonitorChecker
{
    public MonitorKind Kind => MonitorKind.Heartbeat;

    public Task<CheckOutcome?> CheckAsync(ServiceMonitor monitor, DateTime now, CancellationToken cancellationToken)
    {
        var allowed = TimeSpan.FromSeconds(monitor.IntervalSeconds + monitor.TimeoutSeconds);
        var last = monitor.LastHeartbeatAt;
        if (last is null)
        {
            return Task.FromResult<CheckOutcome?>(now - monitor.CreatedAt > allowed
                ? CheckOutcome.Down($"No heartbeat received since the monitor was created {monitor.CreatedAt:yyyy-MM-dd HH:mm:ss}Z.")
                : new CheckOutcome(ServiceState.Unknown, null, "Waiting for the first heartbeat."));
        }

        var silence = now - last.Value;
        // A push in time was itself recorded as the check (up, or down with the service's message), as Uptime Kuma
        // does: only silence is the scheduler's to record.
        return Task.FromResult(silence > allowed
            ? CheckOutcome.Down($"Silent for {silence.TotalSeconds:F0} s (last heartbeat {last:yyyy-MM-dd HH:mm:ss}Z; allowed {allowed.TotalSeconds:F0} s).")
            : null);
    }
}
