using Nqba.Server.Modules.Monitoring.Catalog;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>Runs one kind of check. Expected failures (refused, timed out, wrong status) are outcomes, not exceptions.</summary>
internal interface IMonitorChecker
{
    MonitorKind Kind { get; }

    Task<CheckOutcome> CheckAsync(ServiceMonitor monitor, DateTime now, CancellationToken cancellationToken);
}
