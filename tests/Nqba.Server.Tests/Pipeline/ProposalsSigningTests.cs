using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Testing;

namespace Nqba.Server.Tests.Pipeline;

/// <summary>
/// Issue 20, items 1 and 5: a sent proposal moves the deal to proposal and an accepted one to won, through the gates;
/// the client signs the accepted version's contract, the document's SHA-256 is recorded (and in the audit ledger), a
/// changed document cannot be passed off as signed, and the signature completes the onboarding's contract step.
/// </summary>
public sealed class ProposalsSigningTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private static string Email() => $"pia-{Guid.NewGuid():N}@deal-werke.example";

    private static string[] Stages(JsonElement deal) => [.. deal.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("stage").GetString()!)];

    [Fact]
    public async Task ProposalEvents_MoveTheDealThroughItsGates_AndAHeldMoveIsRecordedOnce()
    {
        // No confirmed budget and no value: sending fills the value from the proposal, the budget gate holds the move.
        var (admin, dealId, organization) = await ProposalsApiTests.DealAsync(factory, budgetConfirmed: false);
        var id = (await ProposalsApiTests.CreateAsync(admin, dealId, ProposalsApiTests.Body(ProposalsApiTests.Today(factory).AddDays(30), Email()))).GetProperty("id").GetGuid();
        var token = await ProposalsApiTests.SendAsync(admin, id);
        await factory.DeliverEventsAsync();

        var deal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}");
        Assert.Equal("routed", deal.GetProperty("stage").GetString());
        Assert.Equal(18405m, deal.GetProperty("value").GetDecimal());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/pipeline/deals/{dealId}"));
        Assert.Contains("Automatic move to Proposal & negotiation held back by its gate (budget-confirmed)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value-set", page, StringComparison.Ordinal);

        // A second delivery of the same event records nothing twice.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
            var held = await db.HeldMoves.AsNoTracking().SingleAsync(m => m.DealId == dealId);
            var desk = scope.ServiceProvider.GetRequiredService<DealDesk>();
            Assert.False(await desk.AdvanceThroughGatesAsync(dealId, DealStage.Proposal, held.At, held.EventId, held.By, "again", null, CancellationToken.None));
            Assert.Equal(1, await db.HeldMoves.CountAsync(m => m.DealId == dealId));
        }

        // Accepted: the won gate (a value) holds, so the deal is won, its value the accepted total; onboarding starts.
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsync($"/api/proposals/{Uri.EscapeDataString(token)}/accept", null)).StatusCode);
        await factory.DeliverEventsAsync();
        deal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}");
        Assert.Equal("won", deal.GetProperty("stage").GetString());
        Assert.Equal(["contact", "assessed", "routed", "won"], Stages(deal));
        var last = deal.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("event:pipeline.proposal-accepted", last.GetProperty("by").GetString());
        Assert.Equal("proposal version 1 accepted", last.GetProperty("reason").GetString());
        Assert.Equal("in-progress", (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("state").GetString());

        // With the budget confirmed, sending moves the deal to proposal by the event.
        var (admin2, readyDeal, _) = await ProposalsApiTests.DealAsync(factory, budgetConfirmed: true, value: 20000m);
        var ready = (await ProposalsApiTests.CreateAsync(admin2, readyDeal, ProposalsApiTests.Body(ProposalsApiTests.Today(factory).AddDays(30), Email()))).GetProperty("id").GetGuid();
        await ProposalsApiTests.SendAsync(admin2, ready);
        await factory.DeliverEventsAsync();
        deal = await admin2.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{readyDeal}");
        Assert.Equal("proposal", deal.GetProperty("stage").GetString());
        Assert.Equal(20000m, deal.GetProperty("value").GetDecimal()); // a value set by hand is kept until acceptance
        Assert.Equal("event:pipeline.proposal-sent", deal.GetProperty("history").EnumerateArray().Last().GetProperty("by").GetString());
    }

    [Fact]
    public async Task Signing_RecordsTheDocumentHash_AChangedDocumentCannotBePassedOffAsSigned_AndTheOnboardingStepIsDone()
    {
        var (admin, dealId, organization) = await ProposalsApiTests.DealAsync(factory);
        var id = (await ProposalsApiTests.CreateAsync(admin, dealId, ProposalsApiTests.Body(ProposalsApiTests.Today(factory).AddDays(30), Email(), language: "en"))).GetProperty("id").GetGuid();
        var token = Uri.EscapeDataString(await ProposalsApiTests.SendAsync(admin, id));
        var client = factory.CreateClient();

        var early = await client.PostAsJsonAsync($"/api/proposals/{token}/sign", new { fullName = "Pia Deal", consent = true, documentSha256 = new string('0', 64) });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("accepted before", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/proposals/{token}/accept", null)).StatusCode);
        await factory.DeliverEventsAsync();

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/proposals/{token}");
        Assert.True(view.GetProperty("canSign").GetBoolean());
        var document = view.GetProperty("document").GetString()!;
        var hash = view.GetProperty("documentSha256").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document))), hash);
        Assert.Contains("Total: 18,405.00 EUR", document, StringComparison.Ordinal);

        // What is missing or wrong is named: the name, the consent, a hash that is not the document's.
        var missing = await client.PostAsJsonAsync($"/api/proposals/{token}/sign", new { fullName = " ", consent = false, documentSha256 = hash });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadAsStringAsync();
        Assert.Contains("\"fullName\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"consent\"", problem, StringComparison.Ordinal);
        var wrong = await client.PostAsJsonAsync($"/api/proposals/{token}/sign", new { fullName = "Pia Deal", consent = true, documentSha256 = new string('a', 64) });
        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"documentSha256\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Someone changes the sent version in the database: the hash the client saw no longer matches, so no signature.
        await ChangeFirstLineAsync(id, "SigmaEQ licence, annual (now with a hidden clause)");
        var changed = await client.PostAsJsonAsync($"/api/proposals/{token}/sign", new { fullName = "Pia Deal", consent = true, documentSha256 = hash });
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Contains("\"documentSha256\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/pipeline/proposals/{id}/signature")).StatusCode);

        // Put back, the document is the one sent again, and it is signed.
        await ChangeFirstLineAsync(id, "SigmaEQ licence, annual");
        var signed = await client.PostAsJsonAsync($"/api/proposals/{token}/sign", new { fullName = "  Pia Deal ", consent = true, documentSha256 = hash.ToUpperInvariant() });
        Assert.True(signed.StatusCode == HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        Assert.Equal("signed", (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/proposals/{token}/sign", new { fullName = "Pia Deal", consent = true, documentSha256 = hash })).StatusCode);

        var signature = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}/signature");
        Assert.Equal("Pia Deal", signature.GetProperty("name").GetString());
        Assert.True(signature.GetProperty("consent").GetBoolean());
        Assert.Equal(hash, signature.GetProperty("documentSha256").GetString());
        Assert.True(signature.GetProperty("documentMatches").GetBoolean());
        Assert.True(signature.GetProperty("ledgerMatches").GetBoolean());
        var sequence = signature.GetProperty("ledgerSequence").GetInt64();
        Assert.InRange((DateTime.UtcNow + factory.Clock.Offset - signature.GetProperty("signedAt").GetDateTime()).TotalMinutes, 0, 5);

        // The ledger's entry names the hash, the time and the consent, and the signer only by a keyed hash.
        var entries = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/audit?action=pipeline.contract.signed&entityId={id}");
        var entry = Assert.Single(entries!);
        Assert.Equal(sequence, entry.GetProperty("sequence").GetInt64());
        var after = entry.GetProperty("after").GetString()!;
        Assert.Contains(hash, after, StringComparison.Ordinal);
        Assert.Contains("signerNameHash", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Pia", after, StringComparison.Ordinal);
        Assert.True((await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify")).GetProperty("isIntact").GetBoolean());

        // ContractSigned completes the onboarding's contract step with the signature as evidence.
        await factory.DeliverEventsAsync();
        var contract = (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("steps")[0];
        Assert.Equal("contract", contract.GetProperty("step").GetString());
        Assert.Equal("done", contract.GetProperty("status").GetString());
        Assert.Contains(hash, contract.GetProperty("evidence").GetString(), StringComparison.Ordinal);

        // Changed after signing: the check says the stored document is no longer the one signed.
        await ChangeFirstLineAsync(id, "SigmaEQ licence, lifetime");
        signature = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}/signature");
        Assert.False(signature.GetProperty("documentMatches").GetBoolean());
        Assert.NotEqual(hash, signature.GetProperty("currentDocumentSha256").GetString());
        Assert.Equal(hash, signature.GetProperty("documentSha256").GetString());
        Assert.Contains("it is NOT the document signed", WebUtility.HtmlDecode(await admin.GetStringAsync($"/pipeline/proposals/{id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheClientsForms_AcceptAndSign_OnThePage_InTheirLanguage()
    {
        var (admin, dealId, _) = await ProposalsApiTests.DealAsync(factory);
        var id = (await ProposalsApiTests.CreateAsync(admin, dealId, ProposalsApiTests.Body(ProposalsApiTests.Today(factory).AddDays(30), Email()))).GetProperty("id").GetGuid();
        var token = Uri.EscapeDataString(await ProposalsApiTests.SendAsync(admin, id));
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetStringAsync($"/proposals/{token}?lang=de");
        var accepted = await client.PostAsync($"/proposals/{token}/accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryTokens.From(page), ["Lang"] = "de" }));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.EndsWith("?lang=de&done=accepted", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        page = WebUtility.HtmlDecode(await client.GetStringAsync(accepted.Headers.Location!.OriginalString));
        Assert.Contains("Sie haben dieses Angebot angenommen", page, StringComparison.Ordinal);
        var hash = System.Text.RegularExpressions.Regex.Match(page, "name=\"DocumentSha256\" value=\"([0-9a-f]{64})\"").Groups[1].Value;
        Assert.Equal(64, hash.Length);
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryTokens.From(page), ["Lang"] = "de", ["FullName"] = "Pia Deal", ["DocumentSha256"] = hash };
        var noConsent = await client.PostAsync($"/proposals/{token}/sign", new FormUrlEncodedContent(form));
        Assert.EndsWith("&error=consent", noConsent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Setzen Sie das Häkchen", WebUtility.HtmlDecode(await client.GetStringAsync(noConsent.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        form["Consent"] = "true";
        var signed = await client.PostAsync($"/proposals/{token}/sign", new FormUrlEncodedContent(form));
        Assert.EndsWith("&done=signed", signed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Vertrag unterschrieben", WebUtility.HtmlDecode(await client.GetStringAsync(signed.Headers.Location!.OriginalString)), StringComparison.Ordinal);
    }

    /// <summary>Rewrites the first line item of every version of the proposal behind the application's back.</summary>
    private async Task ChangeFirstLineAsync(Guid proposalId, string description)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var versions = await db.ProposalVersions.Where(v => v.ProposalId == proposalId).Select(v => v.Id).ToListAsync();
        var items = await db.Set<Nqba.Server.Modules.Pipeline.Proposals.ProposalLineItem>().Where(i => versions.Contains(i.VersionId) && i.Position == 0).ToListAsync();
        items.ForEach(i => i.Description = description);
        await db.SaveChangesAsync();
    }
}
