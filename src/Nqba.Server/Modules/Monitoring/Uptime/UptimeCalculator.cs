namespace Nqba.Server.Modules.Monitoring.Uptime;

/// <summary>Uptime arithmetic from state durations: each interval clipped to the period, summed per state.</summary>
internal static class UptimeCalculator
{
    public static readonly IReadOnlyList<(string Name, TimeSpan Length)> Periods =
    [
        ("24h", TimeSpan.FromHours(24)),
        ("7d", TimeSpan.FromDays(7)),
        ("30d", TimeSpan.FromDays(30)),
        ("90d", TimeSpan.FromDays(90)),
        ("1y", TimeSpan.FromDays(365)),
    ];

    /// <summary>
    /// Sums the time of <paramref name="intervals"/> inside [<paramref name="from"/>, <paramref name="to"/>);
    /// an open interval lasts until <paramref name="now"/>, and time before the first interval is unknown.
    /// </summary>
    public static UptimeFigures Compute(IEnumerable<StateInterval> intervals, DateTime from, DateTime to, DateTime now, decimal targetPercent)
    {
        var totals = new Dictionary<ServiceState, TimeSpan>();
        var covered = TimeSpan.Zero;
        foreach (var interval in intervals)
        {
            var start = interval.From > from ? interval.From : from;
            var endOfInterval = interval.To ?? now;
            var end = endOfInterval < to ? endOfInterval : to;
            if (end <= start)
            {
                continue;
            }

            var length = end - start;
            // A failure within the retries that recovered (or is not confirmed yet) is not downtime; a confirmed
            // one was rewritten to down from its first failed check.
            var state = interval.State == ServiceState.Pending ? ServiceState.Up : interval.State;
            totals[state] = totals.GetValueOrDefault(state) + length;
            covered += length;
        }

        var horizon = (now < to ? now : to) - from;
        var unknown = totals.GetValueOrDefault(ServiceState.Unknown) + (horizon > covered ? horizon - covered : TimeSpan.Zero);
        return new UptimeFigures(
            from,
            to,
            totals.GetValueOrDefault(ServiceState.Up),
            totals.GetValueOrDefault(ServiceState.Degraded),
            totals.GetValueOrDefault(ServiceState.Down),
            totals.GetValueOrDefault(ServiceState.Maintenance),
            unknown,
            targetPercent);
    }

    /// <summary>One figure per standard period (24 h, 7 d, 30 d, 90 d, 1 y) ending at <paramref name="now"/>.</summary>
    public static IReadOnlyDictionary<string, UptimeFigures> ForStandardPeriods(IReadOnlyCollection<StateInterval> intervals, DateTime now, decimal targetPercent) =>
        Periods.ToDictionary(p => p.Name, p => Compute(intervals, now - p.Length, now, now, targetPercent), StringComparer.Ordinal);

    /// <summary>The worst state of each UTC day, oldest first: the status page's daily bars.</summary>
    public static IReadOnlyList<DailyBar> DailyBars(IReadOnlyCollection<StateInterval> intervals, DateTime now, int days, decimal targetPercent)
    {
        var today = now.Date;
        var bars = new List<DailyBar>(days);
        for (var d = days - 1; d >= 0; d--)
        {
            var from = today.AddDays(-d);
            var figures = Compute(intervals, from, from.AddDays(1), now, targetPercent);
            var state = figures.Down > TimeSpan.Zero ? ServiceState.Down
                : figures.Degraded > TimeSpan.Zero ? ServiceState.Degraded
                : figures.Maintenance > TimeSpan.Zero && figures.Up == TimeSpan.Zero ? ServiceState.Maintenance
                : figures.Up > TimeSpan.Zero ? ServiceState.Up
                : ServiceState.Unknown;
            bars.Add(new DailyBar(DateOnly.FromDateTime(from), state, figures.AvailabilityPercent, figures.Down, figures.Maintenance));
        }

        return bars;
    }
}
