namespace Nqba.Server.Modules.Monitoring.Runbooks;

/// <summary>Mean time to recovery of resolved automatic incidents, with and without a successful runbook run.</summary>
public sealed record RecoveryReportDto(int WithRunbook, double? MeanMinutesWithRunbook, int WithoutRunbook, double? MeanMinutesWithoutRunbook);
