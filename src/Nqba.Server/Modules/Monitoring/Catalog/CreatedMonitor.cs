namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>The new monitor and, for a heartbeat monitor, its secret token (shown only now).</summary>
public sealed record CreatedMonitor(MonitorDto Monitor, string? HeartbeatToken);
