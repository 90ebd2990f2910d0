namespace Nqba.Server.Modules.Monitoring;

/// <summary>
/// The state of a monitor or a component: down outranks pending outranks degraded outranks up. Pending: a check
/// failed but the monitor's retries are not spent yet (as in Uptime Kuma); not counted as down unless confirmed.
/// </summary>
public enum ServiceState
{
    Unknown,
    Up,
    Degraded,
    Down,
    Maintenance,
    Pending,
}
