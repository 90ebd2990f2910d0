namespace Nqba.Server.Modules.Monitoring.Uptime;

/// <summary>One day of a component's history on the status page.</summary>
public sealed record DailyBar(DateOnly Day, ServiceState State, double? AvailabilityPercent, TimeSpan Down, TimeSpan Maintenance);
