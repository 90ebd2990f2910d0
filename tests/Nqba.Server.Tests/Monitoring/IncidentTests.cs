using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

public sealed class IncidentTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private static readonly string[] DatabaseOnly = ["database"];

    [Fact]
    public async Task ManualIncident_MovesThroughItsLifecycle_WithTimedPublicUpdatesAndAPostMortem()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);

        var opened = await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title = "Slow sign-ins", components = new[] { component }, message = "We are looking into slow sign-ins." });
        var incident = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var id = incident.GetProperty("id").GetGuid();
        foreach (var (status, message) in new[] { ("Identified", "A cache node is failing."), ("Monitoring", "Node replaced; watching."), ("Resolved", "Sign-ins are fast again.") })
        {
            var response = await admin.PostAsJsonAsync($"/api/monitoring/incidents/{id}/updates", new { status, message });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var afterResolved = await admin.PostAsJsonAsync($"/api/monitoring/incidents/{id}/updates", new { status = "Monitoring", message = "again" });
        await admin.PutAsJsonAsync($"/api/monitoring/incidents/{id}/postmortem", new { text = "Root cause: an expired cache certificate." });
        var final = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/incidents/{id}");

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterResolved.StatusCode);
        Assert.Equal("Resolved", final.GetProperty("status").GetString());
        Assert.Equal("Manual", final.GetProperty("origin").GetString());
        Assert.NotEqual(JsonValueKind.Null, final.GetProperty("resolvedAt").ValueKind);
        Assert.Equal(["Investigating", "Identified", "Monitoring", "Resolved"], final.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("status").GetString()));
        Assert.Equal([component], final.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("expired cache certificate", final.GetProperty("postMortem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentUpdate_GoingBackwards_Returns400NamingStatus()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var incident = await (await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title = "Errors", components = new[] { component }, message = "m", status = "Monitoring" })).Content.ReadFromJsonAsync<JsonElement>();

        var response = await admin.PostAsJsonAsync($"/api/monitoring/incidents/{incident.GetProperty("id").GetGuid()}/updates", new { status = "Investigating", message = "back" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _), problem.ToString());
    }

    [Fact]
    public async Task ComponentInMaintenance_FailingChecks_OpenNoIncident_AndUptimeReportsMaintenanceApart()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "port", kind = "Tcp", target = "127.0.0.1:1", intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });
        var clock = MonitoringFactory.FakeClock();
        var start = clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        var window = await admin.PostAsJsonAsync("/api/monitoring/maintenance", new
        {
            title = "Network work",
            components = new[] { component },
            localStart = start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            timeZone = "Etc/UTC",
            durationMinutes = 120,
        });
        Assert.Equal(HttpStatusCode.Created, window.StatusCode);

        await factory.CreateScheduler(clock).RunDueAsync(CancellationToken.None);
        var components = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/components");
        var open = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents?open=true");
        var monitor = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}");

        Assert.Equal("Down", monitor.GetProperty("state").GetString());
        Assert.Equal("Maintenance", components!.Single(c => c.GetProperty("key").GetString() == component).GetProperty("state").GetString());
        Assert.DoesNotContain(open!, i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component));
    }

    [Fact]
    public async Task MaintenanceWindow_UnknownZone_Returns400NamingTimeZone()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/monitoring/maintenance", new { title = "x y z", components = DatabaseOnly, localStart = "2026-12-01T02:00", timeZone = "Mars/Olympus", durationMinutes = 30 });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _), problem.ToString());
    }
}
