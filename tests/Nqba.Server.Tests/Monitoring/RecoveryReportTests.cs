using System.Net.Http.Json;
using Nqba.Server.Modules.Monitoring.Runbooks;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

/// <summary>The recovery report counts every incident in the database: this class has a server of its own.</summary>
public sealed class RecoveryReportTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private static readonly string[] Database = ["database"];

    [Fact]
    public async Task RecoveryReport_WorkedExample_MeanTimeToRecoveryWithAndWithoutASuccessfulRunbook()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var healed = await LocalHttpService.StartAsync();
        await using var fixedByHand = await LocalHttpService.StartAsync();
        await using var hookFails = await LocalHttpService.StartAsync();
        foreach (var (service, runbookUrl) in new[] { (healed, healed.Url("/restart")), (fixedByHand, null), (hookFails, hookFails.Url("/health")) })
        {
            var component = await MonitoringFactory.CreateComponentAsync(admin);
            await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "health", kind = "Http", target = service.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });
            if (runbookUrl is not null)
            {
                // The failing one posts to a GET-only route (HTTP 405): a run, but no successful one.
                (await admin.PostAsJsonAsync("/api/monitoring/runbooks", new { component, name = "restart", kind = "HttpCall", url = runbookUrl, cooldownSeconds = 3600, maxAttemptsPerHour = 1 })).EnsureSuccessStatusCode();
            }

            service.Break();
        }

        var manual = await (await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title = "By hand", components = Database, message = "m" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        (await admin.PostAsJsonAsync($"/api/monitoring/incidents/{manual.GetProperty("id").GetGuid()}/updates", new { status = "Resolved", message = "done" })).EnsureSuccessStatusCode();
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);

        // All three go down at 0 s. The runbook heals the first (up at 30 s); the second is fixed by hand after
        // 180 s; the third's runbook fails and it is fixed by hand after 90 s.
        await scheduler.RunDueAsync(CancellationToken.None);
        for (var seconds = 30; seconds <= 210; seconds += 30)
        {
            if (seconds == 90)
            {
                hookFails.Heal();
            }

            if (seconds == 180)
            {
                fixedByHand.Heal();
            }

            clock.Advance(TimeSpan.FromSeconds(30));
            await scheduler.RunDueAsync(CancellationToken.None);
        }

        var report = await admin.GetFromJsonAsync<RecoveryReportDto>("/api/monitoring/reports/recovery");

        // With a runbook: 0.5 min. Without a successful one: (3 + 1.5) / 2 = 2.25 min. The manual incident does not count.
        Assert.Equal(new RecoveryReportDto(WithRunbook: 1, MeanMinutesWithRunbook: 0.5, WithoutRunbook: 2, MeanMinutesWithoutRunbook: 2.25), report);
        Assert.Equal(1, healed.Restarts);
    }
}
