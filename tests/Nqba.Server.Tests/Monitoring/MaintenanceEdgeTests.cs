using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Persistence;

namespace Nqba.Server.Tests.Monitoring;

public sealed class MaintenanceEdgeTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task MaintenanceWindow_ComponentsEnterAndLeaveAtTheEdges_NotAtTheirNextCheck_AlsoWithoutMonitors()
    {
        var admin = await factory.CreateAdminClientAsync();
        var bare = await MonitoringFactory.CreateComponentAsync(admin);
        var checkedHourly = await MonitoringFactory.CreateComponentAsync(admin);
        var (_, token) = await MonitoringFactory.CreateMonitorAsync(admin, new { component = checkedHourly, name = "hourly", kind = "Heartbeat", intervalSeconds = 3600, timeoutSeconds = 60, retries = 0 });
        (await factory.CreateClient().GetAsync($"/api/monitoring/heartbeat/{token}")).EnsureSuccessStatusCode();
        var now = DateTime.UtcNow;
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(3);
        var end = start.AddMinutes(10);
        var window = await admin.PostAsJsonAsync("/api/monitoring/maintenance", new
        {
            title = "Database upgrade",
            components = new[] { bare, checkedHourly },
            localStart = start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            timeZone = "Etc/UTC",
            durationMinutes = 10,
        });
        Assert.True(window.IsSuccessStatusCode, await window.Content.ReadAsStringAsync());
        var clock = new FakeTimeProvider(new DateTimeOffset(start.AddSeconds(-30)));
        var scheduler = factory.CreateScheduler(clock);
        await scheduler.RunDueAsync(CancellationToken.None);
        var before = (await StateAsync(admin, bare), await StateAsync(admin, checkedHourly));

        clock.SetUtcNow(new DateTimeOffset(start.AddMilliseconds(400)));
        await scheduler.RunDueAsync(CancellationToken.None);
        var during = (await StateAsync(admin, bare), await StateAsync(admin, checkedHourly));
        clock.SetUtcNow(new DateTimeOffset(end.AddMilliseconds(700)));
        await scheduler.RunDueAsync(CancellationToken.None);
        var after = (await StateAsync(admin, bare), await StateAsync(admin, checkedHourly));

        Assert.Equal(("Unknown", "Up"), before);
        Assert.Equal(("Maintenance", "Maintenance"), during);
        Assert.Equal(("Unknown", "Up"), after);
        foreach (var key in new[] { bare, checkedHourly })
        {
            var maintenance = (await HistoryAsync(key)).Single(i => i.State == ServiceState.Maintenance);
            Assert.Equal((start, end), (maintenance.From, maintenance.To!.Value));
        }
    }

    [Fact]
    public async Task MonitorCheckJob_BeforeTheServerListens_RunsNoCheck_AndRunsThemOnceStarted()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "beat", kind = "Heartbeat", intervalSeconds = 60, timeoutSeconds = 10 });
        var scheduler = factory.CreateScheduler(MonitoringFactory.FakeClock());

        await new MonitorCheckJob(scheduler, new Lifetime(started: false)).RunAsync(CancellationToken.None);
        var beforeStart = await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/monitors/{id}/results");
        await new MonitorCheckJob(scheduler, new Lifetime(started: true)).RunAsync(CancellationToken.None);
        var afterStart = await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/monitors/{id}/results");

        Assert.Empty(beforeStart!);
        Assert.Single(afterStart!);
    }

    private static async Task<string> StateAsync(HttpClient admin, string key) =>
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/components"))!.Single(c => c.GetProperty("key").GetString() == key).GetProperty("state").GetString()!;

    private async Task<List<Nqba.Server.Modules.Monitoring.Uptime.StateInterval>> HistoryAsync(string key)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var id = await db.Components.Where(c => c.Key == key).Select(c => c.Id).SingleAsync();
        return await db.StateIntervals.AsNoTracking().Where(i => i.ComponentId == id).OrderBy(i => i.From).ToListAsync();
    }

    private sealed class Lifetime(bool started) : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(started);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
