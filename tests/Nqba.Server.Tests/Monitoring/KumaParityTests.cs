using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nqba.Server.Tests.Monitoring;

/// <summary>What users of Uptime Kuma expect: a required kind, push with status/msg/ping, response times, uptime and ping badges.</summary>
public sealed class KumaParityTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task CreateMonitor_WithoutKind_Returns400NamingKind()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);

        var response = await admin.PostAsJsonAsync("/api/monitoring/monitors", new { component, name = "no kind", target = "https://example.com/", intervalSeconds = 60, timeoutSeconds = 10 });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _), body);
    }

    [Fact]
    public async Task HeartbeatPush_ByGetWithStatusMsgAndPing_RecordsTheCheck_DownWithTheMessage_AndBadValuesNameTheParameter()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, token) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "backup", kind = "Heartbeat", intervalSeconds = 60, timeoutSeconds = 10, retries = 0 });
        var anonymous = factory.CreateClient();
        var scheduler = factory.CreateScheduler(MonitoringFactory.FakeClock());

        var up = await anonymous.GetAsync($"/api/monitoring/heartbeat/{token}?status=up&msg=OK&ping=100");
        var second = await anonymous.GetAsync($"/api/monitoring/heartbeat/{token}?ping=200");
        var afterUp = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}");
        var down = await anonymous.GetAsync($"/api/monitoring/heartbeat/{token}?status=down&msg=disk%20full");
        await scheduler.RunDueAsync(CancellationToken.None);
        var afterDown = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}");
        var results = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/monitors/{id}/results"))!;
        var badStatus = await anonymous.GetAsync($"/api/monitoring/heartbeat/{token}?status=sideways");
        var badPing = await anonymous.PostAsync($"/api/monitoring/heartbeat/{token}?ping=fast", null);

        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        Assert.Equal("Up", afterUp.GetProperty("state").GetString());
        Assert.Equal(150, afterUp.GetProperty("averageResponseMs24h").GetDouble());
        Assert.Equal(150, afterUp.GetProperty("averageResponseMs30d").GetDouble());
        Assert.Equal("Down", afterDown.GetProperty("state").GetString());
        Assert.Equal("disk full", afterDown.GetProperty("lastMessage").GetString());
        Assert.Equal(["Down", "Up", "Up"], results.Select(r => r.GetProperty("state").GetString()));
        Assert.Equal("disk full", results[0].GetProperty("message").GetString());
        Assert.Equal(200, results[1].GetProperty("latencyMs").GetDouble());
        Assert.Equal("OK", results[2].GetProperty("message").GetString());
        await AssertProblemNamesAsync(badStatus, "status");
        await AssertProblemNamesAsync(badPing, "ping");
    }

    [Fact]
    public async Task UptimeAndPingBadges_AreSvgsWithThePercentAndTheAverage_AndABadDurationIs400()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (_, token) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "worker", kind = "Heartbeat", intervalSeconds = 60, timeoutSeconds = 10, retries = 0 });
        var anonymous = factory.CreateClient();
        (await anonymous.GetAsync($"/api/monitoring/heartbeat/{token}?ping=40")).EnsureSuccessStatusCode();
        (await anonymous.GetAsync($"/api/monitoring/heartbeat/{token}?ping=60")).EnsureSuccessStatusCode();

        var uptime = await anonymous.GetAsync($"/api/status/badge/{component}/uptime.svg");
        var uptime30 = await anonymous.GetAsync($"/api/status/badge/{component}/uptime.svg?duration=30d");
        var ping = await anonymous.GetAsync($"/api/status/badge/{component}/ping.svg");
        var bad = await anonymous.GetAsync($"/api/status/badge/{component}/uptime.svg?duration=forever");
        var missing = await anonymous.GetAsync("/api/status/badge/nope/ping.svg");

        Assert.Equal(HttpStatusCode.OK, uptime.StatusCode);
        Assert.Equal("image/svg+xml", uptime.Content.Headers.ContentType!.MediaType);
        Assert.Contains("uptime 24h: 100%", await uptime.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("uptime 30d: 100%", await uptime30.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("ping 24h: 50 ms", await ping.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertProblemNamesAsync(bad, "duration");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
