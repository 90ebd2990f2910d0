using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;

namespace Nqba.Server.Tests.Monitoring;

/// <summary>Uptime Kuma's pending state: a failure within the retries is pending, a confirmed outage counts from its first failed check.</summary>
public sealed class PendingStateTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task FailuresWithinRetries_ArePending_AndTheConfirmedOutageCountsFromTheFirstFailedCheck()
    {
        var admin = await factory.CreateAdminClientAsync();
        var anonymous = factory.CreateClient();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "web", kind = "Http", target = service.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 2 });
        var clock = WholeSecondClock();
        var scheduler = factory.CreateScheduler(clock);
        await scheduler.RunDueAsync(CancellationToken.None);
        var upSince = clock.GetUtcNow().UtcDateTime;

        service.Break();
        var seen = new List<(string Monitor, string Component, string Public)>();
        var firstFailure = default(DateTime);
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            firstFailure = i == 0 ? clock.GetUtcNow().UtcDateTime : firstFailure;
            await scheduler.RunDueAsync(CancellationToken.None);
            var status = await anonymous.GetFromJsonAsync<JsonElement>("/api/status");
            var onPage = status.GetProperty("units").EnumerateArray().SelectMany(u => u.GetProperty("components").EnumerateArray())
                .Single(c => c.GetProperty("key").GetString() == component).GetProperty("state").GetString()!;
            seen.Add((await MonitorStateAsync(admin, id), await ComponentStateAsync(admin, component), onPage));
        }

        Assert.Equal([("Pending", "Pending", "Pending"), ("Pending", "Pending", "Pending"), ("Down", "Down", "Down")], seen);
        var history = await HistoryAsync(component);
        Assert.Equal([ServiceState.Unknown, ServiceState.Up, ServiceState.Down], history.Select(i => i.State));
        Assert.Equal(firstFailure, history[2].From);
        Assert.Equal(upSince, history[1].From);
        Assert.Equal(firstFailure, history[1].To);
        var figures = UptimeCalculator.Compute(history, upSince, clock.GetUtcNow().UtcDateTime, clock.GetUtcNow().UtcDateTime, 99.9m);
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)), (figures.Up, figures.Down));
        var components = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/components");
        Assert.Equal(firstFailure, components!.Single(c => c.GetProperty("key").GetString() == component).GetProperty("stateSince").GetDateTime());
        var incidents = (await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents"))!
            .Where(i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component)).ToList();
        Assert.Single(incidents);
    }

    [Fact]
    public async Task FailureThatRecoversWithinRetries_IsPendingThenUp_CountsAsUp_AndOpensNoIncident()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "web", kind = "Http", target = service.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 1 });
        var clock = WholeSecondClock();
        var scheduler = factory.CreateScheduler(clock);
        await scheduler.RunDueAsync(CancellationToken.None);
        var start = clock.GetUtcNow().UtcDateTime;

        service.Break();
        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);
        var pending = await MonitorStateAsync(admin, id);
        service.Heal();
        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);
        var recovered = await MonitorStateAsync(admin, id);
        var now = clock.GetUtcNow().UtcDateTime;

        Assert.Equal(("Pending", "Up"), (pending, recovered));
        var history = await HistoryAsync(component);
        Assert.Equal([ServiceState.Unknown, ServiceState.Up, ServiceState.Pending, ServiceState.Up], history.Select(i => i.State));
        var figures = UptimeCalculator.Compute(history, start, now, now, 99.9m);
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.Zero), (figures.Up, figures.Down));
        var incidents = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents");
        Assert.DoesNotContain(incidents!, i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component));
    }

    // PostgreSQL keeps microseconds: on whole seconds the times read back are the times written.
    private static FakeTimeProvider WholeSecondClock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(now.AddTicks(TimeSpan.TicksPerSecond - (now.Ticks % TimeSpan.TicksPerSecond)));
    }

    private static async Task<string> MonitorStateAsync(HttpClient admin, Guid id) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}")).GetProperty("state").GetString()!;

    private static async Task<string> ComponentStateAsync(HttpClient admin, string key) =>
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/components"))!.Single(c => c.GetProperty("key").GetString() == key).GetProperty("state").GetString()!;

    private async Task<List<StateInterval>> HistoryAsync(string key)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var id = await db.Components.Where(c => c.Key == key).Select(c => c.Id).SingleAsync();
        return await db.StateIntervals.AsNoTracking().Where(i => i.ComponentId == id).OrderBy(i => i.From).ToListAsync();
    }
}
