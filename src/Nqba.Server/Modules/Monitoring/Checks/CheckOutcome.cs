namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>What a checker found: up, degraded, down or unknown (could not tell), how fast, and why.</summary>
internal sealed record CheckOutcome(ServiceState State, double? LatencyMs, string Message, double? CertificateDaysLeft = null)
{
    public static CheckOutcome Down(string message, double? latencyMs = null) => new(ServiceState.Down, latencyMs, message);
}
