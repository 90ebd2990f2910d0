using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

public sealed class UptimeApiTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    /// <summary>
    /// A unit of its own with two components, both with a history that ended an hour ago (closed intervals, so the
    /// figures do not move while the request runs):
    /// the unit's own component (target 99.9 %): up 10 h, down 1 h, up 9 h;
    /// its API (target 99.99 %): up 6 h, maintenance 2 h, degraded 2 h, down 30 min, up 9.5 h.
    /// </summary>
    [Fact]
    public async Task Uptime_WorkedTimeline_PerComponentAndPerUnit_MaintenanceLeftOut_AgainstTheUnitsTarget()
    {
        var admin = await factory.CreateAdminClientAsync();
        var unit = "u-" + Guid.NewGuid().ToString("N")[..10];
        var api = unit + "-api";
        (await admin.PostAsJsonAsync("/api/monitoring/components", new { key = unit, name = "Unit", unitCode = unit, unitName = "Unit", targetPercent = 99.9m })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/monitoring/components", new { key = api, name = "Unit API", unitCode = unit, unitName = "Unit", targetPercent = 99.99m })).EnsureSuccessStatusCode();
        var end = DateTime.UtcNow.AddHours(-1);
        await HistoryAsync(unit, end, (ServiceState.Up, 10), (ServiceState.Down, 1), (ServiceState.Up, 9));
        await HistoryAsync(api, end, (ServiceState.Up, 6), (ServiceState.Maintenance, 2), (ServiceState.Degraded, 2), (ServiceState.Down, 0.5), (ServiceState.Up, 9.5));

        var overview = await admin.GetFromJsonAsync<UptimeOverviewDto>("/api/monitoring/uptime");

        var own = overview!.Components.Single(c => c.Key == unit).Periods["24h"];
        var part = overview.Components.Single(c => c.Key == api).Periods["24h"];
        var whole = overview.Units.Single(u => u.Key == unit);
        // 19 of 20 h: 95 %; 0.1 % of 20 h = 72 s allowed, 3,600 s down.
        Assert.Equal((95.0, 19 * 3600.0, 3600.0, 72.0, -3528.0), (own.AvailabilityPercent!.Value, own.UpSeconds, own.DownSeconds, own.AllowedDowntimeSeconds, own.RemainingBudgetSeconds));
        // 17.5 of 18 measured hours (maintenance left out): 97.2222 %; 0.01 % of 18 h = 6.48 s allowed (6.5 rounded).
        Assert.Equal((97.2222, 2 * 3600.0, 2 * 3600.0, 6.5, -1793.5), (part.AvailabilityPercent!.Value, part.DegradedSeconds, part.MaintenanceSeconds, part.AllowedDowntimeSeconds, part.RemainingBudgetSeconds));
        Assert.False(part.MeetsTarget);
        // The unit adds the durations: 36.5 of 38 h available = 96.0526 %, against its own component's 99.9 %:
        // 136.8 s allowed, 5,400 s down.
        Assert.Equal(99.9m, whole.TargetPercent);
        var day = whole.Periods["24h"];
        Assert.Equal(
            (96.0526, 34.5 * 3600, 2 * 3600.0, 1.5 * 3600, 2 * 3600.0, 136.8, -5263.2),
            (day.AvailabilityPercent!.Value, day.UpSeconds, day.DegradedSeconds, day.DownSeconds, day.MaintenanceSeconds, day.AllowedDowntimeSeconds, day.RemainingBudgetSeconds));
        Assert.Equal(day.AvailabilityPercent, whole.Periods["7d"].AvailabilityPercent);
    }

    /// <summary>Writes consecutive intervals (state, hours) ending at <paramref name="end"/>.</summary>
    private async Task HistoryAsync(string key, DateTime end, params (ServiceState State, double Hours)[] timeline)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var id = await db.Components.Where(c => c.Key == key).Select(c => c.Id).SingleAsync();
        var at = end.AddHours(-timeline.Sum(t => t.Hours));
        foreach (var (state, hours) in timeline)
        {
            db.StateIntervals.Add(new StateInterval { Id = Guid.CreateVersion7(), ComponentId = id, State = state, From = at, To = at.AddHours(hours) });
            at = at.AddHours(hours);
        }

        await db.SaveChangesAsync();
    }
}
