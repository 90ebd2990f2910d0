namespace Nqba.Server.Modules.Monitoring.Catalog;

public sealed record ComponentDto(Guid Id, string Key, string Name, string UnitCode, string UnitName, decimal TargetPercent, ServiceState State, DateTime StateSince, int Monitors);
