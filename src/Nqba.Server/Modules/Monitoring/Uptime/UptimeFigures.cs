namespace Nqba.Server.Modules.Monitoring.Uptime;

/// <summary>
/// Time spent in each state over a period. Availability counts up and degraded as available and down as not;
/// maintenance and unknown (no data) are reported but left out of the measured time. Pending time is counted as up
/// (see <see cref="UptimeCalculator.Compute"/>).
/// </summary>
public sealed record UptimeFigures(
    DateTime From,
    DateTime To,
    TimeSpan Up,
    TimeSpan Degraded,
    TimeSpan Down,
    TimeSpan Maintenance,
    TimeSpan Unknown,
    decimal TargetPercent)
{
    public TimeSpan Measured => Up + Degraded + Down;

    /// <summary>Availability in percent; null when nothing was measured.</summary>
    public double? AvailabilityPercent => Measured > TimeSpan.Zero ? 100.0 * (Up + Degraded).TotalSeconds / Measured.TotalSeconds : null;

    /// <summary>Downtime the target allows over the measured time.</summary>
    public TimeSpan AllowedDowntime => TimeSpan.FromSeconds(Measured.TotalSeconds * (double)(100m - TargetPercent) / 100.0);

    /// <summary>What is left of the error budget (negative: overspent).</summary>
    public TimeSpan RemainingBudget => AllowedDowntime - Down;

    /// <summary>Remaining error budget in percent of the allowed downtime; null when nothing was measured.</summary>
    public double? RemainingBudgetPercent => AllowedDowntime > TimeSpan.Zero ? 100.0 * RemainingBudget.TotalSeconds / AllowedDowntime.TotalSeconds : null;

    public bool MeetsTarget => AvailabilityPercent is not { } a || a >= (double)TargetPercent;
}
