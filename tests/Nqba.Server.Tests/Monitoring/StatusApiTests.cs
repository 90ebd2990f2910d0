using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nqba.Server.Tests.Monitoring;

public sealed class StatusApiTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task StatusApi_WithoutSignIn_ShowsUnitsComponentsWith90DailyBarsAndCurrentIncidents()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin, unitCode: "sigma-select");
        await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "web", kind = "Http", target = service.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });
        service.Break();
        await factory.CreateScheduler(MonitoringFactory.FakeClock()).RunDueAsync(CancellationToken.None);
        var anonymous = factory.CreateClient();

        var status = await anonymous.GetFromJsonAsync<JsonElement>("/api/status");

        var unit = status.GetProperty("units").EnumerateArray().First(u => u.GetProperty("components").EnumerateArray().Any(c => c.GetProperty("key").GetString() == component));
        var entry = unit.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("key").GetString() == component);
        Assert.Equal("sigma-select", unit.GetProperty("code").GetString());
        Assert.Equal("Down", entry.GetProperty("state").GetString());
        Assert.Equal(90, entry.GetProperty("days").GetArrayLength());
        Assert.Equal("Down", entry.GetProperty("days")[89].GetProperty("state").GetString());
        Assert.Equal("Down", status.GetProperty("overall").GetString());
        Assert.Contains(status.GetProperty("activeIncidents").EnumerateArray(), i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == "Component " + component));
    }

    [Fact]
    public async Task Badge_IsAnSvgWithTheComponentsState_AndUnknownComponentIs404()
    {
        var anonymous = factory.CreateClient();

        var badge = await anonymous.GetAsync("/api/status/badge/database.svg");
        var svg = await badge.Content.ReadAsStringAsync();
        var missing = await anonymous.GetAsync("/api/status/badge/nope.svg");

        Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
        Assert.Equal("image/svg+xml", badge.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("Database: unknown", svg, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Subscribe_WithoutSignIn_Accepted_AndABadAddressNamesTheField()
    {
        var anonymous = factory.CreateClient();

        var ok = await anonymous.PostAsJsonAsync("/api/status/subscriptions", new { email = "ops@acme.example", component = "nqba-api" });
        var bad = await anonymous.PostAsJsonAsync("/api/status/subscriptions", new { email = "not-an-address", component = "nqba-api" });
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Email", out _) || problem.GetProperty("errors").TryGetProperty("email", out _), problem.ToString());
    }

    [Fact]
    public async Task StateChange_PostsASlackCompatibleWebhook_AndRepeatsWhileDown()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "web", kind = "Http", target = service.Url("/health"), intervalSeconds = 60, timeoutSeconds = 5, retries = 0 });
        var channel = await (await admin.PostAsJsonAsync("/api/monitoring/channels", new { name = "ops", kind = "Webhook", target = service.Url("/hook"), components = new[] { component }, repeatMinutes = 5 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);

        service.Break();
        await scheduler.RunDueAsync(CancellationToken.None);
        await factory.DeliverEventsAsync();

        Assert.NotEmpty(service.Hooks);
        var payload = JsonDocument.Parse(service.Hooks[0]).RootElement;
        Assert.Contains("is DOWN", payload.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("#e05d44", payload.GetProperty("attachments")[0].GetProperty("color").GetString());
        Assert.Equal(component, payload.GetProperty("nqba").GetProperty("component").GetString());

        clock.Advance(TimeSpan.FromMinutes(6));
        await scheduler.RunDueAsync(CancellationToken.None);
        await factory.DeliverEventsAsync();
        var deliveries = await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/channels/{channel.GetProperty("id").GetGuid()}/deliveries");
        Assert.Contains(deliveries!, d => d.GetProperty("kind").GetString() == "repeat" && d.GetProperty("succeeded").GetBoolean());
        Assert.Contains(service.Hooks, h => h.Contains("still DOWN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StateChange_EmailsAnEmailChannel()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "mailed", kind = "Http", target = service.Url("/health"), intervalSeconds = 60, timeoutSeconds = 5, retries = 0 });
        var channel = await (await admin.PostAsJsonAsync("/api/monitoring/channels", new { name = "on-call mail", kind = "Email", target = "oncall@nqba.test", components = new[] { component }, repeatMinutes = 5 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var scheduler = factory.CreateScheduler(MonitoringFactory.FakeClock());

        service.Break();
        await scheduler.RunDueAsync(CancellationToken.None);
        await factory.DeliverEventsAsync();
        var deliveries = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/channels/{channel.GetProperty("id").GetGuid()}/deliveries"))!;

        var delivery = Assert.Single(deliveries);
        Assert.True(delivery.GetProperty("succeeded").GetBoolean(), delivery.ToString());
        var path = delivery.GetProperty("detail").GetString()!;
        Assert.Equal(Path.GetFullPath(factory.Outbox), Path.GetDirectoryName(path)); // the delivery names the mail it wrote
        Assert.True(File.Exists(path), path);
        var mail = Assert.Single(await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == "oncall@nqba.test")));
        Assert.Equal("oncall@nqba.test", mail.To.Mailboxes.Single().Address);
        Assert.Contains("DOWN", mail.TextBody, StringComparison.Ordinal);
    }
}
