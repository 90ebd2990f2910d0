namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>One check of a component, run every <see cref="IntervalSeconds"/> by whichever instance claims it first.</summary>
internal sealed class ServiceMonitor
{
    public Guid Id { get; set; }

    public Guid ComponentId { get; set; }

    public required string Name { get; set; }

    public MonitorKind Kind { get; set; }

    /// <summary>URL (HTTP), host:port (TCP, TLS); unused for heartbeats. A URL starting with "/" is this server.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>Where a "switch to standby" runbook points the monitor.</summary>
    public string? StandbyTarget { get; set; }

    public bool UsingStandby { get; set; }

    /// <summary>Expected HTTP status; null = any 2xx.</summary>
    public int? ExpectedStatus { get; set; }

    /// <summary>Text the HTTP response body must contain (degraded when missing).</summary>
    public string? Keyword { get; set; }

    /// <summary>Simple property path into a JSON body, e.g. <c>checks[0].status</c> (degraded when it differs from <see cref="JsonExpected"/>).</summary>
    public string? JsonPath { get; set; }

    public string? JsonExpected { get; set; }

    /// <summary>Slower than this (ms) is degraded.</summary>
    public int? DegradedLatencyMs { get; set; }

    /// <summary>Certificate days left at or below which the monitor is degraded.</summary>
    public int TlsDegradedDays { get; set; } = 14;

    /// <summary>Certificate days left at or below which the monitor is down.</summary>
    public int TlsDownDays { get; set; } = 1;

    /// <summary>Accepts self-signed or otherwise untrusted certificates (internal services); expiry still counts.</summary>
    public bool AcceptUntrustedCertificate { get; set; }

    public int IntervalSeconds { get; set; } = 60;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Failed checks tolerated before the monitor is down: down after <c>Retries + 1</c> consecutive failures.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>SHA-256 (hex) of the heartbeat token; the token itself is shown once, at creation.</summary>
    public string? HeartbeatTokenHash { get; set; }

    public DateTime? LastHeartbeatAt { get; set; }

    /// <summary>When the certificate seen by the last TLS check expires (the certificate-expiry badge).</summary>
    public DateTime? CertificateExpiresAt { get; set; }

    public bool Enabled { get; set; } = true;

    public ServiceState State { get; set; }

    public int ConsecutiveFailures { get; set; }

    public DateTime? LastCheckedAt { get; set; }

    public double? LastLatencyMs { get; set; }

    public string? LastMessage { get; set; }

    /// <summary>When the next check is due; claiming a check moves it one interval on.</summary>
    public DateTime NextDueAt { get; set; }

    /// <summary>Bumped by every claim: the conditional update that claims a check matches on it.</summary>
    public long ClaimVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public string EffectiveTarget => UsingStandby && !string.IsNullOrWhiteSpace(StandbyTarget) ? StandbyTarget : Target;
}
