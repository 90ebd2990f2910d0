using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Tests.Intake;
using Nqba.Testing;

namespace Nqba.Server.Tests.Pipeline;

/// <summary>
/// The pipeline through its API: a lead's events open and advance its deal, people move it through the gates, and the
/// history is kept with who moved it and why.
/// </summary>
public sealed class PipelineApiTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    /// <summary>A lead captured, assessed and routed through the public API, with its events delivered.</summary>
    internal static async Task<(Guid LeadId, Guid SpecialistId)> RoutedLeadAsync(NqbaFactory factory, HttpClient admin)
    {
        var anonymous = factory.CreateClient();
        var receipt = await (await anonymous.PostAsJsonAsync("/api/leads", new { name = "Pia", email = $"pia@deal-{Guid.NewGuid():N}.example", company = "Deal Werke GmbH", regionCode = "europe", language = "de" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var url = receipt.GetProperty("assessmentUrl").GetString()!;
        var token = url["/intake/assessment/".Length..url.IndexOf('?', StringComparison.Ordinal)];
        await anonymous.PutAsJsonAsync($"/api/assessments/{token}/answers", new { answers = AssessmentApiTests.HotAnswers });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/api/assessments/{token}/complete", null)).StatusCode);
        var leadId = receipt.GetProperty("leadId").GetGuid();
        await factory.DeliverEventsAsync();
        var lead = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        return (leadId, lead.GetProperty("specialistId").GetGuid());
    }

    internal static async Task<JsonElement> DealOfLeadAsync(HttpClient admin, Guid leadId)
    {
        var deals = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/pipeline/deals"))!;
        var id = deals.Single(d => d.GetProperty("leadId").ValueKind == JsonValueKind.String && d.GetProperty("leadId").GetGuid() == leadId).GetProperty("id").GetGuid();
        return await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{id}");
    }

    private static string[] Stages(JsonElement deal) => [.. deal.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("stage").GetString()!)];

    private async Task<Guid> BookAsync(HttpClient admin, Guid leadId, Guid specialistId, string meetingType)
    {
        var from = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var slots = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialistId}/slots?type={meetingType}&from={from}&to={to}&timeZone=UTC");
        var start = slots.GetProperty("slots").EnumerateArray().First().GetProperty("start").GetDateTimeOffset();
        var booked = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings",
            new { meetingType, start, specialistId, leadId, name = "Pia", email = $"pia-{Guid.NewGuid():N}@example.com", timeZone = "UTC" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        await factory.DeliverEventsAsync();
        return (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task ALeadsEvents_OpenAndAdvanceItsDeal_ThenGatesHoldTheHandMoves_AndTheHistorySaysWhoAndWhy()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (leadId, specialistId) = await RoutedLeadAsync(factory, admin);

        var deal = await DealOfLeadAsync(admin, leadId);
        Assert.Equal("routed", deal.GetProperty("stage").GetString());
        Assert.Equal(specialistId, deal.GetProperty("ownerId").GetGuid());
        Assert.Equal("Deal Werke GmbH", deal.GetProperty("title").GetString());
        Assert.Equal(["contact", "assessed", "routed"], Stages(deal));
        Assert.All(deal.GetProperty("history").EnumerateArray(), h => Assert.StartsWith("event:", h.GetProperty("by").GetString(), StringComparison.Ordinal));

        await BookAsync(admin, leadId, specialistId, "discovery-30");
        Assert.Equal("qualification", (await DealOfLeadAsync(admin, leadId)).GetProperty("stage").GetString());
        var demo = await BookAsync(admin, leadId, specialistId, "demo-60");
        deal = await DealOfLeadAsync(admin, leadId);
        Assert.Equal("demo", deal.GetProperty("stage").GetString());
        // The specialist's briefing for the demo says where the deal stands.
        var briefing = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{demo}/briefing");
        Assert.Equal("demo", briefing.GetProperty("deal").GetProperty("stage").GetString());
        Assert.Equal(deal.GetProperty("id").GetGuid(), briefing.GetProperty("deal").GetProperty("dealId").GetGuid());
        var id = deal.GetProperty("id").GetGuid();

        // The proposal's gate: a confirmed budget and a value. A 409 problem names both.
        var refused = await admin.PostAsJsonAsync($"/api/pipeline/deals/{id}/stage", new { stage = "proposal" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("budget-confirmed", problem, StringComparison.Ordinal);
        Assert.Contains("value-set", problem, StringComparison.Ordinal);
        Assert.Equal("demo", (await DealOfLeadAsync(admin, leadId)).GetProperty("stage").GetString());

        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/pipeline/deals/{id}", new { value = 48000m, currency = "eur", budgetConfirmed = true })).StatusCode);
        var moved = await admin.PostAsJsonAsync($"/api/pipeline/deals/{id}/stage", new { stage = "proposal", reason = "Budget signed off by the CFO" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        deal = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("proposal", deal.GetProperty("stage").GetString());
        Assert.Equal("EUR", deal.GetProperty("currency").GetString());
        Assert.Equal(48000m, deal.GetProperty("value").GetDecimal());
        Assert.Equal(36000m, deal.GetProperty("weightedValue").GetDecimal()); // 75 % at proposal
        var last = deal.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("demo", last.GetProperty("from").GetString());
        Assert.Equal("Budget signed off by the CFO", last.GetProperty("reason").GetString());
        Assert.False(last.GetProperty("by").GetString()!.StartsWith("event:", StringComparison.Ordinal));

        // Lost needs a configured reason; won is the end of it.
        var noReason = await admin.PostAsJsonAsync($"/api/pipeline/deals/{id}/stage", new { stage = "lost" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/pipeline/deals/{id}/stage", new { stage = "won" })).StatusCode);

        // A later event of the lead's (a replayed routing, another booking) never moves a closed deal.
        await BookAsync(admin, leadId, specialistId, "discovery-30");
        deal = await DealOfLeadAsync(admin, leadId);
        Assert.Equal("won", deal.GetProperty("stage").GetString());
        Assert.Equal(["contact", "assessed", "routed", "qualification", "demo", "proposal", "won"], Stages(deal));
    }

    [Fact]
    public async Task BadInput_IsA400NamingTheField()
    {
        var admin = await factory.CreateAdminClientAsync();
        foreach (var (query, field) in new[] { ("stage=nope", "stage"), ("owner=not-a-guid", "owner"), ("take=0", "take"), ("take=abc", "take") })
        {
            var response = await admin.GetAsync($"/api/pipeline/deals?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (leadId, _) = await RoutedLeadAsync(factory, admin);
        var id = (await DealOfLeadAsync(admin, leadId)).GetProperty("id").GetGuid();
        var badStage = await admin.PostAsJsonAsync($"/api/pipeline/deals/{id}/stage", new { stage = "closed-ish" });
        Assert.Equal(HttpStatusCode.BadRequest, badStage.StatusCode);
        Assert.Contains("\"stage\"", await badStage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badCurrency = await admin.PatchAsJsonAsync($"/api/pipeline/deals/{id}", new { currency = "EURO" });
        Assert.Equal(HttpStatusCode.BadRequest, badCurrency.StatusCode);
        var badValue = await admin.PatchAsJsonAsync($"/api/pipeline/deals/{id}", new { value = -5 });
        Assert.Equal(HttpStatusCode.BadRequest, badValue.StatusCode);
        Assert.Contains("\"value\"", await badValue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/pipeline/deals/{Guid.NewGuid()}/stage", new { stage = "demo" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/pipeline/metrics?from=yesterday")).StatusCode);

        var csv = await admin.GetAsync("/api/pipeline/deals.csv?stage=routed");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains(id.ToString(), await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoMovesOfOneDeal_AtTheSameVersion_OneWins_EveryRound()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (leadId, _) = await RoutedLeadAsync(factory, admin);
        var id = (await DealOfLeadAsync(admin, leadId)).GetProperty("id").GetGuid();
        string[] ungated = ["routed", "qualification", "demo"];
        for (var round = 0; round < 10; round++)
        {
            var current = await admin.GetAsync($"/api/pipeline/deals/{id}");
            var etag = current.Headers.ETag!.Tag;
            var seen = await current.Content.ReadFromJsonAsync<JsonElement>();
            var before = seen.GetProperty("history").GetArrayLength();

            // Two people move the deal from where they both saw it to two different stages, each at that version.
            var moves = ungated.Where(s => s != seen.GetProperty("stage").GetString()).ToArray();
            var responses = await Task.WhenAll(moves.Select(async stage =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/pipeline/deals/{id}/stage") { Content = JsonContent.Create(new { stage }) };
                request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
                return await admin.SendAsync(request);
            }));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.True(r.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict, r.StatusCode.ToString()));
            var after = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{id}");
            Assert.Equal(before + 1, after.GetProperty("history").GetArrayLength());
        }
    }

    [Fact]
    public async Task OneLeadsDeal_OpenedByManyDeliveriesAtOnce_IsOneDeal_EveryRound()
    {
        var admin = await factory.CreateAdminClientAsync();
        for (var round = 0; round < 5; round++)
        {
            var (leadId, _) = await RoutedLeadAsync(factory, admin);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
                await db.Deals.Where(d => d.LeadId == leadId).ExecuteDeleteAsync();
            }

            var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                return (await scope.ServiceProvider.GetRequiredService<DealDesk>().OpenForLeadAsync(leadId, "test", CancellationToken.None))!.Id;
            }));

            Assert.Single(opened.Distinct());
            await using var check = factory.Services.CreateAsyncScope();
            var deals = check.ServiceProvider.GetRequiredService<PipelineDbContext>();
            Assert.Equal(1, await deals.Deals.CountAsync(d => d.LeadId == leadId));
            Assert.Equal(3, await deals.StageChanges.CountAsync(c => c.DealId == opened[0])); // contact, assessed, routed: once each
        }
    }
}
