namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>One check's outcome, kept for the latency and error series (predictions) and for troubleshooting.</summary>
internal sealed class CheckResult
{
    public Guid Id { get; set; }

    public Guid MonitorId { get; set; }

    public DateTime At { get; set; }

    public ServiceState State { get; set; }

    public double? LatencyMs { get; set; }

    public string? Message { get; set; }
}
