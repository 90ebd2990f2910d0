namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>What a checker found: up, degraded, down or unknown (could not tell), how fast, and why.</summary>
internal sealed record CheckOutcome(ServiceState State, double? LatencyMs, string Message)
{
    public static CheckOutcome Down(string message, double? latencyMs = null) => new(ServiceState.Down, latencyMs, message);
}
