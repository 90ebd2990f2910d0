namespace Nqba.Server.Modules.Monitoring;

/// <summary>The state of a monitor or a component, worst last: down outranks degraded outranks up.</summary>
public enum ServiceState
{
    Unknown,
    Up,
    Degraded,
    Down,
    Maintenance,
}
