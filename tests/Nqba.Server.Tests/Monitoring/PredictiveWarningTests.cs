using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

public sealed class PredictiveWarningTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task DriftingLatency_RaisesAPredictedWarning_BeforeTheMonitorFails()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "api", kind = "Http", target = service.Url("/health"), intervalSeconds = 60, timeoutSeconds = 10, retries = 1 });
        var clock = MonitoringFactory.Clock();
        await SeedDailyPatternAsync(id, clock.GetUtcNow().UtcDateTime);
        var scheduler = factory.CreateScheduler(clock);
        await scheduler.RunDueAsync(CancellationToken.None);

        // The service slows down far beyond its usual 30–50 ms at this time of day, but still answers: up, and drifting.
        service.SlowDown(400);
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(60));
            await scheduler.RunDueAsync(CancellationToken.None);
        }

        var warning = (await IncidentsOfAsync(admin, component)).Single();
        var stateWhenWarned = (await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}")).GetProperty("state").GetString();

        service.SlowDown(0);
        service.Break();
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(60));
            await scheduler.RunDueAsync(CancellationToken.None);
        }

        var incidents = await IncidentsOfAsync(admin, component);
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/monitoring/reports/predictions");

        Assert.Equal("Up", stateWhenWarned);
        Assert.True(warning.GetProperty("predicted").GetBoolean());
        Assert.Contains("latency drifting", warning.GetProperty("title").GetString(), StringComparison.Ordinal);
        var automatic = incidents.Single(i => i.GetProperty("origin").GetString() == "Automatic");
        Assert.True(warning.GetProperty("openedAt").GetDateTime() < automatic.GetProperty("openedAt").GetDateTime());
        Assert.True(report.GetProperty("incidentsPrecededByWarning").GetInt32() >= 1);
    }

    [Fact]
    public void Baseline_SteadySeries_IsNotDrifting_AndAJumpIs()
    {
        var samples = Enumerable.Range(0, 18).Select(i => 40.0 + (i % 3)).ToList();

        var baseline = LatencyBaseline.Learn(samples)!;

        Assert.False(baseline.Drifting([41, 42, 40]));
        Assert.False(baseline.Drifting([41, 400, 400]));
        Assert.True(baseline.Drifting([400, 420, 410]));
        Assert.Null(LatencyBaseline.Learn([40, 41]));
    }

    /// <summary>Three days of checks every 10 minutes: 40 ms ± 10 ms over the day (daily seasonality), a little jitter.</summary>
    private async Task SeedDailyPatternAsync(Guid monitorId, DateTime now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var i = 0;
        for (var at = now.AddDays(-3); at < now.AddMinutes(-10); at = at.AddMinutes(10), i++)
        {
            var latency = 40 + (10 * Math.Sin(2 * Math.PI * at.TimeOfDay.TotalHours / 24)) + (i % 3);
            db.CheckResults.Add(new CheckResult { Id = Guid.CreateVersion7(), MonitorId = monitorId, At = at, State = ServiceState.Up, LatencyMs = latency, Message = "seeded" });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<List<JsonElement>> IncidentsOfAsync(HttpClient admin, string component) =>
        [.. (await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents"))!
            .Where(i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component))];
}
