namespace Nqba.Server.Modules.Monitoring.Uptime;

public sealed record UptimeOverviewDto(DateTime At, IReadOnlyList<UptimeReportDto> Components, IReadOnlyList<UptimeReportDto> Units);
