using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Persistence;

namespace Nqba.Server.Tests.Monitoring;

public sealed class ComponentStateConcurrencyTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private const int Rounds = 50;

    [Fact]
    public async Task SeveralMonitorsOfOneComponent_RecordedAtOnce_OneOpenInterval_NoOverlap_OneIncidentPerOutage()
    {
        var admin = await factory.CreateAdminClientAsync();
        var key = await MonitoringFactory.CreateComponentAsync(admin);
        var monitors = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component = key, name = $"m{i}", kind = "Tcp", target = "127.0.0.1:1", intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });
            monitors.Add(id);
        }

        var recorder = factory.Services.GetRequiredService<CheckRecorder>();
        var start = DateTime.UtcNow.AddSeconds(1);
        var outages = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var now = start.AddSeconds(10 * round);

            // Even rounds: an outage that one monitor does not see (worst wins: down); odd rounds: all up again.
            var down = round % 2 == 0;
            var outcomes = down
                ? new[] { CheckOutcome.Down("refused"), new CheckOutcome(ServiceState.Up, 5, "ok"), CheckOutcome.Down("refused") }
                : [new CheckOutcome(ServiceState.Up, 5, "ok"), new CheckOutcome(ServiceState.Up, 5, "ok"), new CheckOutcome(ServiceState.Up, 5, "ok")];
            await Task.WhenAll(monitors.Select((id, i) => Task.Run(() => recorder.RecordAsync(id, outcomes[i], now, CancellationToken.None))));
            if (down)
            {
                outages++;
            }

            await AssertHistoryAsync(key, round, now, down ? ServiceState.Down : ServiceState.Up, outages, openIncidents: down ? 1 : 0);
        }
    }

    private async Task AssertHistoryAsync(string key, int round, DateTime now, ServiceState expected, int outages, int openIncidents)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var component = await db.Components.AsNoTracking().SingleAsync(c => c.Key == key);
        var intervals = (await db.StateIntervals.AsNoTracking().Where(i => i.ComponentId == component.Id).ToListAsync()).OrderBy(i => i.From).ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.Origin == IncidentOrigin.Automatic && i.ComponentIds.Contains(component.Id)).ToListAsync();

        Assert.True(expected == component.State, $"round {round}: component {component.State}, expected {expected}");
        var open = intervals.Where(i => i.To is null).ToList();
        Assert.True(open.Count == 1, $"round {round}: {open.Count} open intervals");
        Assert.Equal(expected, open[0].State);
        for (var i = 1; i < intervals.Count; i++)
        {
            Assert.True(intervals[i - 1].To is { } end && end <= intervals[i].From, $"round {round}: interval {i - 1} ({intervals[i - 1].From:O}–{intervals[i - 1].To:O}) overlaps the next ({intervals[i].From:O})");
        }

        var counted = intervals.Aggregate(TimeSpan.Zero, (sum, i) => sum + ((i.To ?? now) - i.From));
        var elapsed = now - intervals[0].From;
        Assert.True(counted <= elapsed, $"round {round}: {counted.TotalSeconds} s counted over {elapsed.TotalSeconds} s elapsed");
        Assert.True(incidents.Count == outages, $"round {round}: {incidents.Count} automatic incidents for {outages} outages");
        Assert.Equal(openIncidents, incidents.Count(i => i.Status != IncidentStatus.Resolved));
    }
}
