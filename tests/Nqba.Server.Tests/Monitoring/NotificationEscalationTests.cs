using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

public sealed class NotificationEscalationTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task ComponentStillDownAfterEscalateAfterMinutes_NotifiesTheEscalationTargetOnce()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var team = await LocalHttpService.StartAsync();
        await using var manager = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var channel = await admin.PostAsJsonAsync("/api/monitoring/channels", new
        {
            name = "on call",
            kind = "Webhook",
            target = team.Url("/hook"),
            components = new[] { component },
            escalateAfterMinutes = 5,
            escalationTarget = manager.Url("/hook"),
        });
        channel.EnsureSuccessStatusCode();
        // Nothing listens on port 1: down at the first check.
        await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "port", kind = "Tcp", target = "127.0.0.1:1", intervalSeconds = 60, timeoutSeconds = 5, retries = 0 });
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);

        await scheduler.RunDueAsync(CancellationToken.None);
        var escalationsAfterEachMinute = new List<int>();
        for (var minute = 1; minute <= 8; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await scheduler.RunDueAsync(CancellationToken.None);
            escalationsAfterEachMinute.Add(manager.Hooks.Count);
        }

        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], escalationsAfterEachMinute);
        var escalation = JsonSerializer.Deserialize<JsonElement>(manager.Hooks[0]);
        Assert.Equal($"[Escalation] Component {component} is still DOWN (5 min)", escalation.GetProperty("text").GetString());
        Assert.Equal("component.still_down", escalation.GetProperty("nqba").GetProperty("event").GetString());
        Assert.Equal(component, escalation.GetProperty("nqba").GetProperty("component").GetString());
        Assert.DoesNotContain(team.Hooks, h => h.Contains("[Escalation]", StringComparison.Ordinal));
        var deliveries = await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/channels/{(await channel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}/deliveries");
        Assert.Single(deliveries!, d => d.GetProperty("kind").GetString() == "escalation");
    }

    [Fact]
    public async Task ComponentRecoversBeforeEscalateAfterMinutes_NoEscalation()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        await using var manager = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        (await admin.PostAsJsonAsync("/api/monitoring/channels", new { name = "on call", kind = "Webhook", target = service.Url("/hook"), components = new[] { component }, escalateAfterMinutes = 5, escalationTarget = manager.Url("/hook") }))
            .EnsureSuccessStatusCode();
        await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "health", kind = "Http", target = service.Url("/health"), intervalSeconds = 60, timeoutSeconds = 5, retries = 0 });
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);

        // Down for 4 minutes, up again, then down for 4 more: neither outage lasts 5 minutes.
        foreach (var healthy in new[] { false, false, false, false, true, false, false, false, false, true, true })
        {
            if (healthy)
            {
                service.Heal();
            }
            else
            {
                service.Break();
            }

            await scheduler.RunDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Empty(manager.Hooks);
    }
}
