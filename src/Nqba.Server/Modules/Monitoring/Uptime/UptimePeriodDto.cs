namespace Nqba.Server.Modules.Monitoring.Uptime;

/// <summary>Uptime over one period; durations in seconds. Maintenance and unknown time are reported, not counted.</summary>
public sealed record UptimePeriodDto(
    double? AvailabilityPercent,
    double UpSeconds,
    double DegradedSeconds,
    double DownSeconds,
    double MaintenanceSeconds,
    double UnknownSeconds,
    double AllowedDowntimeSeconds,
    double RemainingBudgetSeconds,
    double? RemainingBudgetPercent,
    bool MeetsTarget)
{
    public static UptimePeriodDto From(UptimeFigures f) => new(
        f.AvailabilityPercent is { } a ? Math.Round(a, 4) : null,
        f.Up.TotalSeconds,
        f.Degraded.TotalSeconds,
        f.Down.TotalSeconds,
        f.Maintenance.TotalSeconds,
        f.Unknown.TotalSeconds,
        Math.Round(f.AllowedDowntime.TotalSeconds, 1),
        Math.Round(f.RemainingBudget.TotalSeconds, 1),
        f.RemainingBudgetPercent is { } r ? Math.Round(r, 2) : null,
        f.MeetsTarget);
}
