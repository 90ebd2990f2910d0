using Nqba.Server.Modules.Monitoring.Catalog;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>Runs one kind of check. Expected failures (refused, timed out, wrong status) are outcomes, not exceptions.</summary>
internal interface IMonitorChecker
{
    MonitorKind Kind { get; }

    /// <summary>The check's outcome; null when there is nothing to record (a heartbeat pushed in time: the push was the check).</summary>
    Task<CheckOutcome?> CheckAsync(ServiceMonitor monitor, DateTime now, CancellationToken cancellationToken);
}
