namespace Nqba.Server.Modules.Monitoring.Checks;

public sealed record CheckResultDto(DateTime At, ServiceState State, double? LatencyMs, string? Message);
