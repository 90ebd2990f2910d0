namespace Nqba.Server.Modules.Monitoring.Catalog;

public sealed record ComponentDto(Guid Id, string Key, string Name, string UnitCode, string UnitName, decimal TargetPercent, ServiceState State, DateTime StateSince, int Monitors)
{
    internal static ComponentDto From(MonitoredComponent c, int monitors) =>
        new(c.Id, c.Key, c.Name, c.UnitCode, c.UnitName, c.TargetPercent, c.State, c.StateSince, monitors);
}
