using Microsoft.Extensions.Time.Testing;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Monitoring.Uptime;

namespace Nqba.Server.Tests.Monitoring;

public sealed class UptimeCalculatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private static DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private static StateInterval Interval(ServiceState state, TimeSpan fromAgo, TimeSpan? toAgo) =>
        new() { Id = Guid.NewGuid(), State = state, From = Now - fromAgo, To = toAgo is { } t ? Now - t : null };

    /// <summary>
    /// Up for 30 days, then in the last day: 1 h down (20–19 h ago), 2 h maintenance (10–8 h ago), 1 h degraded
    /// (8–7 h ago), up since.
    /// </summary>
    private static List<StateInterval> WorkedTimeline() =>
    [
        Interval(ServiceState.Up, TimeSpan.FromDays(30), TimeSpan.FromHours(20)),
        Interval(ServiceState.Down, TimeSpan.FromHours(20), TimeSpan.FromHours(19)),
        Interval(ServiceState.Up, TimeSpan.FromHours(19), TimeSpan.FromHours(10)),
        Interval(ServiceState.Maintenance, TimeSpan.FromHours(10), TimeSpan.FromHours(8)),
        Interval(ServiceState.Degraded, TimeSpan.FromHours(8), TimeSpan.FromHours(7)),
        Interval(ServiceState.Up, TimeSpan.FromHours(7), null),
    ];

    [Fact]
    public void Compute_Last24Hours_ExcludesMaintenanceAndCountsDegradedAsAvailable()
    {
        var day = UptimeCalculator.ForStandardPeriods(WorkedTimeline(), Now, 99.9m)["24h"];

        Assert.Equal(TimeSpan.FromHours(20), day.Up);
        Assert.Equal(TimeSpan.FromHours(1), day.Down);
        Assert.Equal(TimeSpan.FromHours(1), day.Degraded);
        Assert.Equal(TimeSpan.FromHours(2), day.Maintenance);
        Assert.Equal(TimeSpan.Zero, day.Unknown);
        Assert.Equal(TimeSpan.FromHours(22), day.Measured);
        Assert.Equal(100.0 * 21 / 22, day.AvailabilityPercent!.Value, 9);
        // 0.1 % of 22 h is 79.2 s allowed; 3,600 s down overspends it by 3,520.8 s.
        Assert.Equal(79.2, day.AllowedDowntime.TotalSeconds, 6);
        Assert.Equal(-3520.8, day.RemainingBudget.TotalSeconds, 6);
        Assert.False(day.MeetsTarget);
    }

    [Fact]
    public void Compute_SevenDaysAndOneYear_UseTheWholeHistoryAndReportTimeBeforeItAsUnknown()
    {
        var periods = UptimeCalculator.ForStandardPeriods(WorkedTimeline(), Now, 99.9m);

        Assert.Equal(100.0 * 165 / 166, periods["7d"].AvailabilityPercent!.Value, 9);
        Assert.Equal(TimeSpan.FromHours(2), periods["7d"].Maintenance);
        Assert.Equal(TimeSpan.FromDays(335), periods["1y"].Unknown);
        Assert.Equal(TimeSpan.FromHours(718), periods["1y"].Measured);
        Assert.Equal(100.0 * 717 / 718, periods["1y"].AvailabilityPercent!.Value, 9);
        Assert.Equal(periods["30d"].Measured, periods["90d"].Measured);
    }

    [Fact]
    public void Compute_TenMinutesDownIn30Days_LeavesMostOfA99Point9Budget()
    {
        List<StateInterval> timeline =
        [
            Interval(ServiceState.Up, TimeSpan.FromDays(40), TimeSpan.FromDays(3)),
            Interval(ServiceState.Down, TimeSpan.FromDays(3), TimeSpan.FromDays(3) - TimeSpan.FromMinutes(10)),
            Interval(ServiceState.Up, TimeSpan.FromDays(3) - TimeSpan.FromMinutes(10), null),
        ];

        var month = UptimeCalculator.ForStandardPeriods(timeline, Now, 99.9m)["30d"];

        // 30 days allow 43.2 minutes at 99.9 %; 10 used, 33.2 left (76.85 %).
        Assert.Equal(43.2, month.AllowedDowntime.TotalMinutes, 6);
        Assert.Equal(33.2, month.RemainingBudget.TotalMinutes, 6);
        Assert.Equal(76.85, month.RemainingBudgetPercent!.Value, 2);
        Assert.True(month.MeetsTarget);
    }

    [Fact]
    public void DailyBars_MarkTheDayWithDowntimeAndTheDaysBeforeHistoryAsUnknown()
    {
        var bars = UptimeCalculator.DailyBars(WorkedTimeline(), Now, 90, 99.9m);

        Assert.Equal(90, bars.Count);
        Assert.Equal(DateOnly.FromDateTime(Now), bars[^1].Day);
        // 20 h before 12:00 is 16:00 yesterday: yesterday holds the down hour; today holds maintenance and degradation.
        Assert.Equal(ServiceState.Down, bars[^2].State);
        Assert.Equal(ServiceState.Degraded, bars[^1].State);
        Assert.Equal(ServiceState.Up, bars[^3].State);
        Assert.Equal(ServiceState.Unknown, bars[0].State);
    }
}
