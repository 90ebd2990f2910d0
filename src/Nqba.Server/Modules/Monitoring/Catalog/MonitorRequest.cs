using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>Creates or replaces a monitor; the kind is required (no silent default). Target: URL (HTTP; "/path" = this server), host:port (TCP, TLS); none for heartbeats.</summary>
public sealed record MonitorRequest(
    [Required, StringLength(80)] string Component,
    [Required, StringLength(200)] string Name,
    [Required] MonitorKind? Kind,
    [StringLength(2000)] string? Target = null,
    [StringLength(2000)] string? StandbyTarget = null,
    [Range(100, 599)] int? ExpectedStatus = null,
    [StringLength(500)] string? Keyword = null,
    [StringLength(500)] string? JsonPath = null,
    [StringLength(500)] string? JsonExpected = null,
    [Range(1, 600_000)] int? DegradedLatencyMs = null,
    [Range(0, 3650)] int TlsDegradedDays = 14,
    [Range(0, 3650)] int TlsDownDays = 1,
    bool AcceptUntrustedCertificate = false,
    [Range(5, 86_400)] int IntervalSeconds = 60,
    [Range(1, 120)] int TimeoutSeconds = 10,
    [Range(0, 20)] int Retries = 2,
    bool Enabled = true);
