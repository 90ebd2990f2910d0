using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Monitoring;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;

namespace Nqba.Server.Tests.Monitoring;

public sealed class SlaReportTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private static DateTime Utc(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task MonthlySlaReport_ServiceBelowTarget_OwesTheBaseCredit_MaintenanceExcluded()
    {
        var admin = await factory.CreateAdminClientAsync();
        var flaky = await MonitoringFactory.CreateComponentAsync(admin, target: 99.9m);
        var steady = await MonitoringFactory.CreateComponentAsync(admin, target: 99.9m);
        var organization = Guid.NewGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var flakyId = await db.Components.Where(c => c.Key == flaky).Select(c => c.Id).FirstAsync();
            var steadyId = await db.Components.Where(c => c.Key == steady).Select(c => c.Id).FirstAsync();

            // October (744 h): 2 h down on the 10th, 4 h maintenance on the 20th, up otherwise.
            db.StateIntervals.AddRange(
                new StateInterval { Id = Guid.NewGuid(), ComponentId = flakyId, State = ServiceState.Up, From = Utc(9, 30), To = Utc(10, 10) },
                new StateInterval { Id = Guid.NewGuid(), ComponentId = flakyId, State = ServiceState.Down, From = Utc(10, 10), To = Utc(10, 10, 2) },
                new StateInterval { Id = Guid.NewGuid(), ComponentId = flakyId, State = ServiceState.Up, From = Utc(10, 10, 2), To = Utc(10, 20, 1) },
                new StateInterval { Id = Guid.NewGuid(), ComponentId = flakyId, State = ServiceState.Maintenance, From = Utc(10, 20, 1), To = Utc(10, 20, 5) },
                new StateInterval { Id = Guid.NewGuid(), ComponentId = flakyId, State = ServiceState.Up, From = Utc(10, 20, 5), To = Utc(11, 2) },
                new StateInterval { Id = Guid.NewGuid(), ComponentId = steadyId, State = ServiceState.Up, From = Utc(9, 30), To = Utc(11, 2) });
            await db.SaveChangesAsync();
        }

        var set = await admin.PutAsJsonAsync($"/api/monitoring/clients/{organization}/services", new { services = new[] { new { component = flaky, monthlyFee = 1000m }, new { component = steady, monthlyFee = 500m } } });
        var report = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/clients/{organization}/sla?month=2026-10");
        var badMonth = await admin.GetAsync($"/api/monitoring/clients/{organization}/sla?month=October");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var lines = report.GetProperty("services").EnumerateArray().ToDictionary(l => l.GetProperty("component").GetString()!);
        Assert.Equal(Math.Round(100.0 * 738 / 740, 4), lines[flaky].GetProperty("availabilityPercent").GetDouble(), 4);
        Assert.Equal(4 * 3600, lines[flaky].GetProperty("maintenanceSeconds").GetDouble());
        Assert.False(lines[flaky].GetProperty("meetsTarget").GetBoolean());
        Assert.Equal(10, lines[flaky].GetProperty("creditPercent").GetDouble());
        Assert.Equal(100m, lines[flaky].GetProperty("credit").GetDecimal());
        Assert.Equal(100.0, lines[steady].GetProperty("availabilityPercent").GetDouble());
        Assert.Equal(0m, lines[steady].GetProperty("credit").GetDecimal());
        Assert.Equal(100m, report.GetProperty("totalCredit").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
    }
}
