using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Testing;

namespace Nqba.Server.Tests.Pipeline;

/// <summary>
/// An installation upgraded from before stays were kept with each move: the migration measures the stays of the
/// history already written (SQLite and PostgreSQL each have their own statement), so the figures agree at once.
/// Its own server: the test takes the pipeline's schema back one migration and forward again.
/// </summary>
public sealed class PipelineUpgradeTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task TheStageStaysMigration_MeasuresTheHistoryWrittenBefore()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        var stays = migrations.Single(m => m.EndsWith("_StageStays", StringComparison.Ordinal));
        var before = migrations[migrations.IndexOf(stays) - 1];
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(before);

        // The deal's table is as it was; the history rows are written as the older schema had them.
        var day = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var deal = new Deal { Id = Guid.NewGuid(), OrganizationId = Guid.NewGuid(), Title = "Upgraded", Currency = "USD", Stage = DealStage.Demo, StageEnteredAt = day.AddDays(4.5), CreatedAt = day };
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        object Key(Guid id) => db.Database.IsSqlite() ? id.ToString().ToUpperInvariant() : id; // how each provider stores a Guid
        (DealStage? From, DealStage To, double Day)[] path = [(null, DealStage.Contact, 0), (DealStage.Contact, DealStage.Routed, 1.25), (DealStage.Routed, DealStage.Demo, 4.5)];
        foreach (var (from, to, n) in path)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO pipeline_stage_changes ("Id", "DealId", "FromStage", "ToStage", "At", "By")
                VALUES ({Key(Guid.CreateVersion7())}, {Key(deal.Id)}, {from?.ToString()}, {to.ToString()}, {day.AddDays(n)}, {"before"})
                """);
        }

        await migrator.MigrateAsync();

        var measured = await db.StageChanges.AsNoTracking().Where(c => c.DealId == deal.Id).OrderBy(c => c.At).Select(c => c.FromStageDays).ToListAsync();
        Assert.Null(measured[0]); // the opening left no stage
        Assert.Equal(1.25, measured[1]!.Value, 6);
        Assert.Equal(3.25, measured[2]!.Value, 6);
    }
}
