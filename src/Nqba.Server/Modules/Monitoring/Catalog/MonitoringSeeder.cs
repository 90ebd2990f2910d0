using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>
/// One component per business unit plus the API, the database and the optimization backend, each with its
/// availability target (DESIGN.md), and the platform's self-check of its own <c>/healthz</c>.
/// </summary>
internal sealed class MonitoringSeeder(MonitoringDbContext db, TimeProvider time) : IDataSeeder
{
    public int Order => 40;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        if (await db.Components.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        (string Key, string Name, string UnitCode, string UnitName, decimal Target)[] components =
        [
            ("flyfox-ai", "FLYFOX AI", "flyfox-ai", "FLYFOX AI", 99.97m),
            ("sigma-select", "Sigma Select", "sigma-select", "Sigma Select", 99.97m),
            ("goliath-trade", "Goliath Trade", "goliath-trade", "Goliath Trade", 99.97m),
            ("nqba-core", "NQBA Core", "nqba-core", "NQBA Core", 99.97m),
            ("nqba-api", "NQBA API", "nqba-core", "NQBA Core", 99.99m),
            ("database", "Database", "nqba-core", "NQBA Core", 99.95m),
            ("optimization", "Optimization backend", "nqba-core", "NQBA Core", 99.90m),
        ];
        var order = 0;
        foreach (var c in components)
        {
            var component = new MonitoredComponent
            {
                Id = Guid.CreateVersion7(),
                Key = c.Key,
                Name = c.Name,
                UnitCode = c.UnitCode,
                UnitName = c.UnitName,
                TargetPercent = c.Target,
                SortOrder = order++,
                State = ServiceState.Unknown,
                StateSince = now,
                CreatedAt = now,
            };
            db.Components.Add(component);
            db.StateIntervals.Add(new StateInterval { Id = Guid.CreateVersion7(), ComponentId = component.Id, State = ServiceState.Unknown, From = now });
            if (c.Key == "nqba-api")
            {
                db.Monitors.Add(new ServiceMonitor
                {
                    Id = Guid.CreateVersion7(),
                    ComponentId = component.Id,
                    Name = "Platform self-check (/healthz)",
                    Kind = MonitorKind.Http,
                    Target = "/healthz",
                    ExpectedStatus = 200,
                    DegradedLatencyMs = 250,
                    IntervalSeconds = 60,
                    TimeoutSeconds = 10,
                    Retries = 2,
                    State = ServiceState.Unknown,
                    NextDueAt = now,
                    CreatedAt = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
