using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Pipeline;

/// <summary>
/// What the pipeline works out over time: stalled deals (driven by the server's clock and its due jobs, no waiting),
/// the figures from the stage history on a worked example, and deals for leads that came before the pipeline.
/// </summary>
public sealed class PipelineTimeTests(PipelineTimeTests.Factory factory) : IClassFixture<PipelineTimeTests.Factory>
{
    /// <summary>Timed work is run by the tests: the scheduler fires nothing by itself.</summary>
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:FireOnSchedule"] = "false" };
    }

    [Fact]
    public async Task ADealIdleLongerThanTheThreshold_IsFlagged_AndItsOwnerToldOnce_UntilItMoves()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (leadId, specialistId) = await PipelineApiTests.RoutedLeadAsync(factory, admin);
        var id = (await PipelineApiTests.DealOfLeadAsync(admin, leadId)).GetProperty("id").GetGuid();
        var specialists = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists"))!;
        var owner = specialists.Single(s => s.GetProperty("id").GetGuid() == specialistId).GetProperty("email").GetString()!;
        async Task<int> StalledMailsAsync() => (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(b => b.Address == owner) && m.TextBody?.Contains(id.ToString(), StringComparison.Ordinal) == true && m.Subject?.StartsWith("Deal stalled", StringComparison.Ordinal) == true)).Count;

        factory.Clock.Advance(TimeSpan.FromDays(13));
        admin = await factory.CreateAdminClientAsync(); // the admin signs in again: yesterday's token has expired
        await factory.RunDueJobsAsync();
        Assert.Equal(0, await StalledMailsAsync());
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{id}")).GetProperty("stalled").GetBoolean());

        factory.Clock.Advance(TimeSpan.FromDays(2)); // 15 days in "routed": past the 14-day threshold
        admin = await factory.CreateAdminClientAsync();
        await factory.RunDueJobsAsync();
        Assert.Equal(1, await StalledMailsAsync());
        Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{id}")).GetProperty("stalled").GetBoolean());

        await factory.RunDueJobsAsync();
        Assert.Equal(1, await StalledMailsAsync()); // told once per stall

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/pipeline/deals/{id}/stage", new { stage = "qualification" })).StatusCode);
        var moved = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{id}");
        Assert.False(moved.GetProperty("stalled").GetBoolean());
        var last = moved.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("routed", last.GetProperty("from").GetString());
        Assert.InRange(last.GetProperty("fromStageDays").GetDouble(), 15.0, 15.01); // the stay in "routed" (the test clock ticks on a little), kept with the move
        factory.Clock.Advance(TimeSpan.FromDays(15));
        await factory.RunDueJobsAsync();
        Assert.Equal(2, await StalledMailsAsync()); // a new stall in the new stage
    }

    [Fact]
    public async Task Figures_FromTheStageHistory_MatchAWorkedExample()
    {
        var unit = $"unit-{Guid.NewGuid():N}"[..16];
        var day = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        DateTime D(int n) => day.AddDays(n - 1);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
            void Add(string title, decimal? value, params (DealStage Stage, int Day)[] path)
            {
                var deal = new Deal
                {
                    Id = Guid.CreateVersion7(),
                    OrganizationId = Guid.NewGuid(),
                    Title = title,
                    UnitCode = unit,
                    Currency = "USD",
                    Value = value,
                    Stage = path[^1].Stage,
                    StageEnteredAt = D(path[^1].Day),
                    CreatedAt = D(path[0].Day),
                    ClosedAt = DealStages.IsClosed(path[^1].Stage) ? D(path[^1].Day) : null,
                };
                db.Deals.Add(deal);
                DealStage? from = null;
                int? since = null;
                foreach (var (stage, n) in path)
                {
                    // As DealDesk writes a move: with the days the deal had spent in the stage it leaves.
                    db.StageChanges.Add(new DealStageChange { Id = Guid.CreateVersion7(), DealId = deal.Id, FromStage = from, ToStage = stage, At = D(n), By = "test", FromStageDays = n - since });
                    (from, since) = (stage, n);
                }
            }

            // A: won after 20 days, through the demo. B: lost after the demo. C: lost without a demo. D: open at the demo.
            Add("A", 5000m, (DealStage.Contact, 1), (DealStage.Assessed, 2), (DealStage.Routed, 3), (DealStage.Qualification, 5), (DealStage.Demo, 10), (DealStage.Proposal, 15), (DealStage.Won, 21));
            Add("B", 3000m, (DealStage.Contact, 1), (DealStage.Routed, 4), (DealStage.Demo, 8), (DealStage.Lost, 18));
            Add("C", null, (DealStage.Contact, 5), (DealStage.Routed, 6), (DealStage.Lost, 7));
            Add("D", 1000m, (DealStage.Contact, 2), (DealStage.Demo, 20));
            await db.SaveChangesAsync();
        }

        var admin = await factory.CreateAdminClientAsync();
        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/metrics?unit={unit}");
        Assert.Equal(4, all.GetProperty("deals").GetInt32());
        Assert.Equal(1, all.GetProperty("open").GetInt32());
        Assert.Equal(1, all.GetProperty("won").GetInt32());
        Assert.Equal(2, all.GetProperty("lost").GetInt32());
        Assert.Equal(20.0, all.GetProperty("salesCycleDays").GetDouble(), 9); // A: day 1 to day 21
        Assert.Equal(0.5, all.GetProperty("demoToCloseRate").GetDouble(), 9); // A won, B lost; C had no demo, D is open
        Assert.Equal(2, all.GetProperty("demoDealsClosed").GetInt32());
        var open = all.GetProperty("openValue").EnumerateArray().Single();
        Assert.Equal(1000m, open.GetProperty("value").GetDecimal());
        Assert.Equal(500m, open.GetProperty("weighted").GetDecimal()); // D at the demo: 50 %
        var days = all.GetProperty("averageDaysInStage");
        Assert.Equal(6.0, days.GetProperty("proposal").GetDouble(), 9); // A only: day 15 to 21
        Assert.Equal((5.0 + 10.0) / 2, days.GetProperty("demo").GetDouble(), 9); // A 10→15, B 8→18; D's stay has not ended: not counted
        Assert.Equal((1.0 + 3.0 + 1.0 + 18.0) / 4, days.GetProperty("contact").GetDouble(), 9); // A 1, B 3, C 1, D 18

        // Only deals opened in the period count: from day 3 leaves C and D... but D is open: cycle and rate have no data.
        var later = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/metrics?unit={unit}&from=2026-01-05&to=2026-02-01");
        Assert.Equal(1, later.GetProperty("deals").GetInt32()); // C, opened on day 5
        Assert.Equal(JsonValueKind.Null, later.GetProperty("salesCycleDays").ValueKind);
        Assert.Equal(JsonValueKind.Null, later.GetProperty("demoToCloseRate").ValueKind);
    }

    [Fact]
    public async Task LeadsFromBeforeThePipeline_GetTheirDeals_CaughtUp_OnStart()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (leadId, specialistId) = await PipelineApiTests.RoutedLeadAsync(factory, admin);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As if the lead had come before the pipeline existed: no deal, no history.
            var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
            await db.Deals.Where(d => d.LeadId == leadId).ExecuteDeleteAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetServices<IDataSeeder>().OfType<PipelineSeeder>().Single();
            await seeder.SeedAsync(includeDemoData: false, CancellationToken.None);
            await seeder.SeedAsync(includeDemoData: false, CancellationToken.None); // a second start writes nothing new
        }

        var deal = await PipelineApiTests.DealOfLeadAsync(admin, leadId);
        Assert.Equal("routed", deal.GetProperty("stage").GetString());
        Assert.Equal(specialistId, deal.GetProperty("ownerId").GetGuid());
        Assert.Equal(["contact", "assessed", "routed"], deal.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("stage").GetString()!).ToArray());
        Assert.All(deal.GetProperty("history").EnumerateArray(), h => Assert.Equal("system:upgrade", h.GetProperty("by").GetString()));
    }
}
