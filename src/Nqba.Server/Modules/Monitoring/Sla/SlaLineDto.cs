namespace Nqba.Server.Modules.Monitoring.Sla;

public sealed record SlaLineDto(string Component, string Name, decimal TargetPercent, double? AvailabilityPercent, double DownSeconds, double MaintenanceSeconds, bool MeetsTarget, double CreditPercent, decimal MonthlyFee, decimal Credit);
