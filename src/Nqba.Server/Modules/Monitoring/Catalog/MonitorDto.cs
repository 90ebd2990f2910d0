namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>A monitor; the average response times (ms) are over its successful checks of the last 24 hours and 30 days.</summary>
public sealed record MonitorDto(
    Guid Id,
    string Component,
    string Name,
    MonitorKind Kind,
    string Target,
    string? StandbyTarget,
    bool UsingStandby,
    int? ExpectedStatus,
    string? Keyword,
    string? JsonPath,
    string? JsonExpected,
    int? DegradedLatencyMs,
    int TlsDegradedDays,
    int TlsDownDays,
    bool AcceptUntrustedCertificate,
    int IntervalSeconds,
    int TimeoutSeconds,
    int Retries,
    bool Enabled,
    ServiceState State,
    int ConsecutiveFailures,
    DateTime? LastCheckedAt,
    double? LastLatencyMs,
    string? LastMessage,
    DateTime NextDueAt,
    DateTime? LastHeartbeatAt,
    string? HeartbeatUrl,
    double? AverageResponseMs24h = null,
    double? AverageResponseMs30d = null)
{
    internal static MonitorDto From(ServiceMonitor m, string componentKey, string? token = null, (double? Day, double? Month) averages = default) => new(
        m.Id, componentKey, m.Name, m.Kind, m.Target, m.StandbyTarget, m.UsingStandby, m.ExpectedStatus, m.Keyword, m.JsonPath, m.JsonExpected,
        m.DegradedLatencyMs, m.TlsDegradedDays, m.TlsDownDays, m.AcceptUntrustedCertificate, m.IntervalSeconds, m.TimeoutSeconds, m.Retries,
        m.Enabled, m.State, m.ConsecutiveFailures, m.LastCheckedAt, m.LastLatencyMs, m.LastMessage, m.NextDueAt, m.LastHeartbeatAt,
        token is null ? null : $"/api/monitoring/heartbeat/{token}",
        averages.Day,
        averages.Month);
}
