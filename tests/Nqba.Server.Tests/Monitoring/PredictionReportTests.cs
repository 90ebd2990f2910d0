using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

/// <summary>The prediction report counts every incident in the database: this class has a server of its own.</summary>
public sealed class PredictionReportTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private static readonly DateTime T = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task PredictionReport_WorkedExample_CountsWarningsFollowedWithin24HoursOnTheSameComponent()
    {
        var admin = await factory.CreateAdminClientAsync();
        var a = await IdOfAsync(await MonitoringFactory.CreateComponentAsync(admin));
        var b = await IdOfAsync(await MonitoringFactory.CreateComponentAsync(admin));
        await AddAsync(
            // Two warnings on A, 2 h and 1 h before A fails: both came true, and the failure was foreseen.
            (IncidentOrigin.Predicted, a, 0),
            (IncidentOrigin.Predicted, a, 1),
            (IncidentOrigin.Automatic, a, 2),
            // A warning on B 30 h before B fails: too early to count either way.
            (IncidentOrigin.Predicted, b, 0),
            (IncidentOrigin.Automatic, b, 30),
            // A warning on B an hour before A fails (wrong component); B fails 12 h after it: that one counts.
            (IncidentOrigin.Predicted, b, 48),
            (IncidentOrigin.Automatic, a, 49),
            (IncidentOrigin.Automatic, b, 60),
            // A warning an hour after A failed foresaw nothing; a manual incident is no failure of the checks.
            (IncidentOrigin.Automatic, a, 99),
            (IncidentOrigin.Predicted, a, 100),
            (IncidentOrigin.Manual, a, 101),
            // B fails out of the blue.
            (IncidentOrigin.Automatic, b, 200));

        var report = await admin.GetFromJsonAsync<PredictionReportDto>("/api/monitoring/reports/predictions");

        // Warnings: 5, followed: the two on A at 0 h and 1 h and the one on B at 48 h.
        // Incidents: 6, preceded: A at 2 h and B at 60 h; 2 of 6 = 33.3 %.
        Assert.Equal(new PredictionReportDto(Warnings: 5, WarningsFollowedByIncident: 3, Incidents: 6, IncidentsPrecededByWarning: 2, PrecededPercent: 33.3), report);
    }

    private async Task<Guid> IdOfAsync(string key)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MonitoringDbContext>().Components.Where(c => c.Key == key).Select(c => c.Id).SingleAsync();
    }

    private async Task AddAsync(params (IncidentOrigin Origin, Guid Component, int Hours)[] incidents)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        foreach (var (origin, component, hours) in incidents)
        {
            db.Incidents.Add(new Incident
            {
                Id = Guid.CreateVersion7(),
                Title = $"{origin} at +{hours} h",
                Status = IncidentStatus.Resolved,
                Origin = origin,
                ComponentIds = [component],
                OpenedAt = T.AddHours(hours),
                ResolvedAt = T.AddHours(hours).AddMinutes(30),
                PredictionKey = origin == IncidentOrigin.Predicted ? $"test:{Guid.NewGuid()}" : null,
            });
        }

        await db.SaveChangesAsync();
    }
}
