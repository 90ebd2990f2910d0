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
        var clock = MonitoringFactory.FakeClock();
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
    public async Task RisingIntermittentFailures_RaiseAPredictedErrorWarning_BeforeTheIncident_SentToTheWebhookAsPredicted()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        await using var receiver = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        (await admin.PostAsJsonAsync("/api/monitoring/channels", new { name = "ops", kind = "Webhook", target = receiver.Url("/hook"), components = new[] { component } })).EnsureSuccessStatusCode();
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "api", kind = "Http", target = service.Url("/health"), intervalSeconds = 60, timeoutSeconds = 10, retries = 2 });
        var clock = MonitoringFactory.FakeClock();
        await SeedDailyPatternAsync(id, clock.GetUtcNow().UtcDateTime);
        var scheduler = factory.CreateScheduler(clock);
        await scheduler.RunDueAsync(CancellationToken.None);

        // No check ever failed at this time of day. Now one failure in three, then one in two: never three in a row,
        // so the retries keep the monitor from going down (it is pending after each failure). The third failure among
        // the last ten checks is the drift.
        service.Plan(true, false, true, true, false, true, false);
        var warnedAfterEachCheck = new List<bool>();
        for (var i = 0; i < 7; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(60));
            await scheduler.RunDueAsync(CancellationToken.None);
            warnedAfterEachCheck.Add((await IncidentsOfAsync(admin, component)).Any(w => w.GetProperty("predicted").GetBoolean()));
        }

        var stateWhenWarned = (await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}")).GetProperty("state").GetString();
        service.Break();
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(60));
            await scheduler.RunDueAsync(CancellationToken.None);
        }

        var incidents = await IncidentsOfAsync(admin, component);
        var warning = Assert.Single(incidents, i => i.GetProperty("predicted").GetBoolean());
        var automatic = Assert.Single(incidents, i => i.GetProperty("origin").GetString() == "Automatic");
        Assert.Equal([false, false, false, false, false, false, true], warnedAfterEachCheck);
        Assert.Equal("Pending", stateWhenWarned);
        Assert.Equal("Predicted", warning.GetProperty("origin").GetString());
        Assert.Equal("api: error rate drifting above its baseline", warning.GetProperty("title").GetString());
        Assert.StartsWith("3 of the last 10 checks failed (30 %)", warning.GetProperty("updates")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(warning.GetProperty("openedAt").GetDateTime() < automatic.GetProperty("openedAt").GetDateTime());

        var hook = await HookAsync(receiver, "[Predicted]");
        Assert.Equal("[Predicted] api: error rate drifting above its baseline", hook.GetProperty("text").GetString());
        Assert.Equal("incident.opened", hook.GetProperty("nqba").GetProperty("event").GetString());
        Assert.True(hook.GetProperty("nqba").GetProperty("predicted").GetBoolean());
        Assert.Contains(hook.GetProperty("attachments")[0].GetProperty("fields").EnumerateArray(), f => f.GetProperty("title").GetString() == "Kind" && f.GetProperty("value").GetString() == "Predicted");
    }

    [Fact]
    public void ErrorBaseline_NoFailuresUsually_ThreeOfTenIsADrift_AndOneOfTenIsRecovered()
    {
        var clean = ErrorRateBaseline.Learn([.. Enumerable.Repeat(false, 18)])!;
        var flaky = ErrorRateBaseline.Learn([.. Enumerable.Range(0, 20).Select(i => i % 4 == 0)])!;
        bool[] threeOfTen = [true, false, false, true, false, false, true, false, false, false];
        bool[] oneOfTen = [true, false, false, false, false, false, false, false, false, false];

        Assert.Null(ErrorRateBaseline.Learn([false, false, true]));
        Assert.True(clean.Drifting(threeOfTen));
        Assert.False(clean.Drifting([true, true, false, false, false, false, false, false, false, false]));
        Assert.False(clean.Recovered(threeOfTen));
        Assert.True(clean.Recovered(oneOfTen));
        // A quarter of the checks usually fail: 3 of 10 is normal for it; the threshold is 25 % + 4·√(0.25·0.75/10) ≈ 79.8 %.
        Assert.Equal(0.25, flaky.Rate, 9);
        Assert.Equal(0.25 + (4 * Math.Sqrt(0.25 * 0.75 / 10)), flaky.Threshold(10), 9);
        Assert.False(flaky.Drifting(threeOfTen));
        Assert.True(flaky.Drifting([.. Enumerable.Repeat(true, 9), false]));
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

    /// <summary>The first webhook body whose text starts with <paramref name="prefix"/> (notifications are dispatched after commit).</summary>
    private async Task<JsonElement> HookAsync(LocalHttpService receiver, string prefix)
    {
        await factory.DeliverEventsAsync();
        foreach (var body in receiver.Hooks)
        {
            var hook = JsonSerializer.Deserialize<JsonElement>(body);
            if (hook.GetProperty("text").GetString()!.StartsWith(prefix, StringComparison.Ordinal))
            {
                return hook;
            }
        }

        Assert.Fail($"No webhook starting with '{prefix}' among: {string.Join(" | ", receiver.Hooks)}");
        return default;
    }

    private static async Task<List<JsonElement>> IncidentsOfAsync(HttpClient admin, string component) =>
        [.. (await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents"))!
            .Where(i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component))];
}
