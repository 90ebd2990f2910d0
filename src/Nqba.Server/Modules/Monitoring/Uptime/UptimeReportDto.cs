namespace Nqba.Server.Modules.Monitoring.Uptime;

/// <summary>A component's (or a business unit's) uptime per standard period (24h, 7d, 30d, 90d, 1y) against its target.</summary>
public sealed record UptimeReportDto(string Key, string Name, string Unit, decimal TargetPercent, IReadOnlyDictionary<string, UptimePeriodDto> Periods);
