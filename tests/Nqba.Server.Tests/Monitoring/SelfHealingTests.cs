using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

public sealed class SelfHealingTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task ServiceGoesDown_IncidentOpensAfterRetries_RunbookRestartsIt_IncidentResolves()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "health", kind = "Http", target = service.Url("/health"), expectedStatus = 200, intervalSeconds = 30, timeoutSeconds = 5, retries = 2 });
        var runbook = await (await admin.PostAsJsonAsync("/api/monitoring/runbooks", new { component, name = "restart hook", kind = "HttpCall", url = service.Url("/restart"), cooldownSeconds = 300, maxAttemptsPerHour = 3 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);
        await scheduler.RunDueAsync(CancellationToken.None);

        service.Break();
        var openAfterEachCheck = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            await scheduler.RunDueAsync(CancellationToken.None);
            openAfterEachCheck.Add((await OpenIncidentAsync(admin, component)) is not null);
        }

        var incident = (await OpenIncidentAsync(admin, component))!.Value;
        var runs = await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/runbooks/runs?runbookId={runbook.GetProperty("id").GetGuid()}");

        Assert.Equal([false, false, true], openAfterEachCheck);
        Assert.Equal("Automatic", incident.GetProperty("origin").GetString());
        Assert.Equal(1, service.Restarts);
        Assert.True(Assert.Single(runs!).GetProperty("succeeded").GetBoolean());
        Assert.Equal(incident.GetProperty("id").GetGuid(), runs![0].GetProperty("incidentId").GetGuid());

        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);
        var resolved = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/incidents/{incident.GetProperty("id").GetGuid()}");
        var audit = await admin.GetFromJsonAsync<JsonElement[]>($"/api/audit?action=monitoring.runbook.ran&entityId={runbook.GetProperty("id").GetGuid()}");
        var recovery = await admin.GetFromJsonAsync<JsonElement>("/api/monitoring/reports/recovery");

        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Contains("Resolved automatically", resolved.GetProperty("updates").EnumerateArray().Last().GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(audit!);
        Assert.True(recovery.GetProperty("withRunbook").GetInt32() >= 1);
    }

    [Fact]
    public async Task Runbook_WithinCooldown_DoesNotRunTwice()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "health", kind = "Http", target = service.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });
        var runbook = await (await admin.PostAsJsonAsync("/api/monitoring/runbooks", new { component, name = "restart", kind = "HttpCall", url = service.Url("/restart"), cooldownSeconds = 600, maxAttemptsPerHour = 3 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);

        // Down, healed by the runbook, up, down again within the cooldown: the second fall gets no run.
        for (var i = 0; i < 2; i++)
        {
            service.Break();
            await scheduler.RunDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(30));
            await scheduler.RunDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        var runs = await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/runbooks/runs?runbookId={runbook.GetProperty("id").GetGuid()}");
        Assert.Single(runs!);
        Assert.Equal(1, service.Restarts);
    }

    [Fact]
    public async Task SwitchToStandby_PrimaryDown_MonitorMovesToTheStandbyUrl_AndTheComponentRecovers()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var primary = await LocalHttpService.StartAsync();
        await using var standby = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (monitorId, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "health", kind = "Http", target = primary.Url("/health"), standbyTarget = standby.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });
        var runbook = await (await admin.PostAsJsonAsync("/api/monitoring/runbooks", new { component, name = "fail over", kind = "SwitchToStandby", cooldownSeconds = 300, maxAttemptsPerHour = 3 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);
        await scheduler.RunDueAsync(CancellationToken.None);

        primary.Break();
        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);
        var incident = (await OpenIncidentAsync(admin, component))!.Value;
        var switched = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{monitorId}");
        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);
        var recovered = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{monitorId}");
        var resolved = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/incidents/{incident.GetProperty("id").GetGuid()}");
        var run = Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/runbooks/runs?runbookId={runbook.GetProperty("id").GetGuid()}"))!);
        var audit = await admin.GetFromJsonAsync<JsonElement[]>($"/api/audit?action=monitoring.runbook.ran&entityId={runbook.GetProperty("id").GetGuid()}");

        Assert.True(switched.GetProperty("usingStandby").GetBoolean());
        Assert.Equal("Up", recovered.GetProperty("state").GetString());
        // The primary still answers 503: up can only come from the standby.
        Assert.True(recovered.GetProperty("usingStandby").GetBoolean());
        Assert.Equal(primary.Url("/health"), recovered.GetProperty("target").GetString());
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.True(run.GetProperty("succeeded").GetBoolean());
        Assert.Equal(incident.GetProperty("id").GetGuid(), run.GetProperty("incidentId").GetGuid());
        Assert.Contains(standby.Url("/health"), run.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Single(audit!);
    }

    [Fact]
    public async Task Runbook_ComponentStaysDown_RetriesAfterItsCooldown_NoMoreThanMaxAttemptsPerHour_EachRunAudited()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "health", kind = "Http", target = service.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });
        // The hook answers 405 (a GET-only route): every attempt fails and the component stays down.
        var runbook = await (await admin.PostAsJsonAsync("/api/monitoring/runbooks", new { component, name = "restart", kind = "HttpCall", url = service.Url("/health"), cooldownSeconds = 60, maxAttemptsPerHour = 3 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var runbookId = runbook.GetProperty("id").GetGuid();
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);
        service.Break();

        // Ten minutes down, checked every 30 s: attempts at 0, 60 and 120 s, then the hourly limit holds.
        await scheduler.RunDueAsync(CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            await scheduler.RunDueAsync(CancellationToken.None);
        }

        var runs = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/runbooks/runs?runbookId={runbookId}"))!;
        var audit = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/audit?action=monitoring.runbook.ran&entityId={runbookId}"))!;

        // Just over an hour after the first attempt one more is allowed: the two later ones are still inside the hour.
        clock.Advance(TimeSpan.FromSeconds(3010));
        await scheduler.RunDueAsync(CancellationToken.None);
        var later = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/runbooks/runs?runbookId={runbookId}"))!;
        var incident = (await OpenIncidentAsync(admin, component))!.Value;

        Assert.Equal(3, runs.Length);
        Assert.All(runs, r => Assert.False(r.GetProperty("succeeded").GetBoolean()));
        Assert.All(runs, r => Assert.Contains("HTTP 405", r.GetProperty("outcome").GetString(), StringComparison.Ordinal));
        Assert.Equal([120.0, 60.0, 0.0], runs.Select(r => (r.GetProperty("at").GetDateTime() - runs[^1].GetProperty("at").GetDateTime()).TotalSeconds));
        Assert.Equal(3, audit.Length);
        Assert.Equal(4, later.Length);
        Assert.All(later, r => Assert.Equal(incident.GetProperty("id").GetGuid(), r.GetProperty("incidentId").GetGuid()));
    }

    private static async Task<JsonElement?> OpenIncidentAsync(HttpClient admin, string component)
    {
        var open = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents?open=true");
        return open!.Where(i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component)).Cast<JsonElement?>().FirstOrDefault();
    }
}
