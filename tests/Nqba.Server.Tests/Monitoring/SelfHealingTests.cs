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
        var clock = MonitoringFactory.Clock();
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
        var clock = MonitoringFactory.Clock();
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

    private static async Task<JsonElement?> OpenIncidentAsync(HttpClient admin, string component)
    {
        var open = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents?open=true");
        return open!.Where(i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component)).Cast<JsonElement?>().FirstOrDefault();
    }
}
