using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Testing;

namespace Nqba.Server.Tests.Pipeline;

/// <summary>
/// Issue 20, item 3: proposals with line items, discounts and versions; the client's signed link to accept or decline;
/// only the latest sent version can be accepted, and two answers at once leave exactly one outcome.
/// </summary>
public sealed class ProposalsApiTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    /// <summary>12 × 1,500 + 2.5 × 980 = 20,450; 10 % off = 2,045; total 18,405.</summary>
    internal static object Body(DateOnly validUntil, string email, string language = "de", decimal firstQuantity = 12m, string? title = "SigmaEQ rollout") => new
    {
        title,
        recipientName = "Pia Deal",
        recipientEmail = email,
        language,
        lineItems = new object[]
        {
            new { description = "SigmaEQ licence, annual", quantity = firstQuantity, unitPrice = 1500m },
            new { description = "Onboarding workshop (days)", quantity = 2.5m, unitPrice = 980m },
        },
        discount = new { kind = "percent", value = 10m },
        validUntil = validUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        terms = "Payment within 30 days of the invoice.\nTwelve months from go-live.",
    };

    /// <summary>A routed lead's deal, its budget confirmed (so the proposal's gate holds on its value alone).</summary>
    internal static async Task<(HttpClient Admin, Guid DealId, Guid OrganizationId)> DealAsync(NqbaFactory factory, bool budgetConfirmed = true, decimal? value = null)
    {
        var admin = await factory.CreateAdminClientAsync();
        var (leadId, _) = await PipelineApiTests.RoutedLeadAsync(factory, admin);
        var deal = await PipelineApiTests.DealOfLeadAsync(admin, leadId);
        var id = deal.GetProperty("id").GetGuid();
        var patched = await admin.PatchAsJsonAsync($"/api/pipeline/deals/{id}", new { currency = "EUR", budgetConfirmed, value });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        return (admin, id, deal.GetProperty("organizationId").GetGuid());
    }

    internal static DateOnly Today(NqbaFactory factory) => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    internal static async Task<JsonElement> CreateAsync(HttpClient admin, Guid dealId, object body)
    {
        var created = await admin.PostAsJsonAsync($"/api/pipeline/deals/{dealId}/proposals", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sends the proposal's newest version; returns the client's token (from the signed link).</summary>
    internal static async Task<string> SendAsync(HttpClient admin, Guid proposalId)
    {
        var sent = await admin.PostAsync($"/api/pipeline/proposals/{proposalId}/send", null);
        Assert.True(sent.StatusCode == HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        return TokenOf((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!);
    }

    internal static string TokenOf(string link) => Uri.UnescapeDataString(new Uri(link).AbsolutePath["/proposals/".Length..]);

    private static string Email() => $"pia-{Guid.NewGuid():N}@deal-werke.example";

    [Fact]
    public async Task AProposal_HasComputedTotals_IsVersionedOnceSent_AndOnlyTheLatestSentVersionCanBeAccepted()
    {
        var (admin, dealId, _) = await DealAsync(factory);
        var email = Email();
        var validUntil = Today(factory).AddDays(30);

        var proposal = await CreateAsync(admin, dealId, Body(validUntil, email));
        var id = proposal.GetProperty("id").GetGuid();
        Assert.Equal("draft", proposal.GetProperty("status").GetString());
        Assert.Equal("EUR", proposal.GetProperty("currency").GetString());
        var current = proposal.GetProperty("current");
        Assert.Equal(1, current.GetProperty("number").GetInt32());
        Assert.Equal(20450m, current.GetProperty("subtotal").GetDecimal());
        Assert.Equal(2045m, current.GetProperty("discountAmount").GetDecimal());
        Assert.Equal(18405m, current.GetProperty("total").GetDecimal());
        Assert.Equal(2450m, current.GetProperty("lineItems")[1].GetProperty("amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, current.GetProperty("documentSha256").ValueKind);
        Assert.Single((await admin.GetFromJsonAsync<List<JsonElement>>($"/api/pipeline/deals/{dealId}/proposals"))!);

        // A draft is edited in place: still version 1.
        var edited = await admin.PutAsJsonAsync($"/api/pipeline/proposals/{id}", Body(validUntil, email, firstQuantity: 10m));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        proposal = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, proposal.GetProperty("latestVersion").GetInt32());
        Assert.Equal(15705m, proposal.GetProperty("current").GetProperty("total").GetDecimal()); // (15,000 + 2,450) × 0.9

        // Sending fixes version 1's document and e-mails the client a signed link in the proposal's language.
        var v1Token = await SendAsync(admin, id);
        proposal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}");
        Assert.Equal("sent", proposal.GetProperty("status").GetString());
        var v1Hash = proposal.GetProperty("current").GetProperty("documentSha256").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", v1Hash);
        var mail = Assert.Single(await factory.SentMailsAsync(m => m.To.ToString().Contains(email, StringComparison.Ordinal)));
        Assert.Equal("Ihr Angebot von NQBA: SigmaEQ rollout", mail.Subject);
        Assert.Contains("/proposals/", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("15.705,00 EUR", mail.TextBody, StringComparison.Ordinal);
        var twice = await admin.PostAsync($"/api/pipeline/proposals/{id}/send", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        // Editing a sent proposal makes version 2; version 1 stays readable, exactly as sent.
        edited = await admin.PutAsJsonAsync($"/api/pipeline/proposals/{id}", Body(validUntil, email, firstQuantity: 8m));
        proposal = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, proposal.GetProperty("latestVersion").GetInt32());
        Assert.Equal(1, proposal.GetProperty("sentVersion").GetInt32());
        Assert.Equal(["sent", "draft"], proposal.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()!).ToArray());
        var v1 = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}/versions/1");
        Assert.Equal(15705m, v1.GetProperty("total").GetDecimal());
        Assert.Equal(v1Hash, v1.GetProperty("documentSha256").GetString());
        var document = await admin.GetAsync($"/api/pipeline/proposals/{id}/versions/1/document");
        Assert.Equal("text/plain", document.Content.Headers.ContentType?.MediaType);
        Assert.Equal(v1Hash, document.Headers.GetValues("X-Document-Sha256").Single());
        var text = await document.Content.ReadAsStringAsync();
        Assert.StartsWith("ANGEBOT UND VERTRAG\nDokumentformat: nqba-proposal/1\n", text, StringComparison.Ordinal);
        Assert.Contains("   10 × 1,500.00 = 15,000.00\n", text, StringComparison.Ordinal);
        Assert.Contains("Rabatt (10 %): -1,745.00\n", text, StringComparison.Ordinal);
        Assert.Contains("Gesamt: 15,705.00 EUR\n", text, StringComparison.Ordinal);

        // Sending version 2 replaces version 1 with the client: its link can no longer accept.
        var v2Token = await SendAsync(admin, id);
        var stale = await factory.CreateClient().PostAsync($"/api/proposals/{Uri.EscapeDataString(v1Token)}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("version 2", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("superseded", (await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/proposals/{Uri.EscapeDataString(v1Token)}")).GetProperty("status").GetString());

        var accepted = await factory.CreateClient().PostAsync($"/api/proposals/{Uri.EscapeDataString(v2Token)}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var view = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("canSign").GetBoolean());
        proposal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}");
        Assert.Equal("accepted", proposal.GetProperty("status").GetString());
        Assert.Equal(2, proposal.GetProperty("acceptedVersion").GetInt32());
        Assert.Equal(["superseded", "accepted"], proposal.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()!).ToArray());

        // Accepted is closed: no edit, no sending, no second answer.
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/pipeline/proposals/{id}", Body(validUntil, email))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/pipeline/proposals/{id}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await factory.CreateClient().PostAsync($"/api/proposals/{Uri.EscapeDataString(v2Token)}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await factory.CreateClient().PostAsJsonAsync($"/api/proposals/{Uri.EscapeDataString(v2Token)}/decline", new { reason = "changed my mind" })).StatusCode);
    }

    [Fact]
    public async Task ADeclineKeepsItsReason_AndANewVersionCanBeSentAndAcceptedAfterwards()
    {
        var (admin, dealId, _) = await DealAsync(factory);
        var validUntil = Today(factory).AddDays(14);
        var id = (await CreateAsync(admin, dealId, Body(validUntil, Email(), language: "en"))).GetProperty("id").GetGuid();
        var token = await SendAsync(admin, id);
        var client = factory.CreateClient();

        var declined = await client.PostAsJsonAsync($"/api/proposals/{Uri.EscapeDataString(token)}/decline", new { reason = "Over this year's budget" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("declined", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var proposal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}");
        Assert.Equal("declined", proposal.GetProperty("status").GetString());
        Assert.Equal("Over this year's budget", proposal.GetProperty("current").GetProperty("declineReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/proposals/{Uri.EscapeDataString(token)}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/proposals/{Uri.EscapeDataString(token)}/decline", new { })).StatusCode);
        var dealPage = WebUtility.HtmlDecode(await admin.GetStringAsync($"/pipeline/deals/{dealId}"));
        Assert.Contains("version 1 declined by the client: Over this year's budget", dealPage, StringComparison.Ordinal);

        // The deal's owner is told by e-mail, with a link to the proposal; the client's own words stay on the page.
        await factory.DeliverEventsAsync();
        var ownerId = (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}")).GetProperty("ownerId").GetGuid();
        var owner = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists"))!
            .Single(s => s.GetProperty("id").GetGuid() == ownerId).GetProperty("email").GetString()!;
        var told = await factory.SentMailsAsync(m => m.To.Mailboxes.Any(b => b.Address == owner) && m.Subject?.StartsWith("Proposal declined", StringComparison.Ordinal) == true
            && m.TextBody?.Contains($"/pipeline/proposals/{id}", StringComparison.Ordinal) == true);
        var mail = Assert.Single(told);
        Assert.Contains("gave a reason", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Over this year's budget", mail.TextBody, StringComparison.Ordinal);

        // A second version with a bigger discount; the declined one stays as it was.
        var cheaper = await admin.PutAsJsonAsync($"/api/pipeline/proposals/{id}", Body(validUntil, Email(), language: "en", firstQuantity: 6m));
        Assert.Equal(2, (await cheaper.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("latestVersion").GetInt32());
        var second = await SendAsync(admin, id);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/proposals/{Uri.EscapeDataString(second)}/accept", null)).StatusCode);
        proposal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}");
        Assert.Equal(["declined", "accepted"], proposal.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()!).ToArray());
    }

    [Fact]
    public async Task BadInput_IsA400NamingTheField_AndATamperedLinkIsNeverA500()
    {
        var (admin, dealId, _) = await DealAsync(factory);
        var today = Today(factory);
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { recipientName = "Pia", recipientEmail = "pia@example.com", lineItems = Array.Empty<object>(), validUntil = today.AddDays(5) }, "lineItems"),
            (new { recipientName = "Pia", recipientEmail = "not-an-address", lineItems = new[] { new { description = "x", quantity = 1m, unitPrice = 1m } }, validUntil = today.AddDays(5) }, "recipientEmail"),
            (new { recipientName = "Pia", recipientEmail = "pia@example.com", lineItems = new[] { new { description = "x", quantity = 1m, unitPrice = 1m } }, validUntil = today.AddDays(-1) }, "validUntil"),
            (new { recipientName = "Pia", recipientEmail = "pia@example.com", lineItems = new[] { new { description = "x", quantity = 0m, unitPrice = 1m } }, validUntil = today.AddDays(5) }, "lineItems[0].quantity"),
            (new { recipientName = "Pia", recipientEmail = "pia@example.com", lineItems = new[] { new { description = "x", quantity = 1m, unitPrice = 1.001m } }, validUntil = today.AddDays(5) }, "lineItems[0].unitPrice"),
            (new { recipientName = "Pia", recipientEmail = "pia@example.com", lineItems = new[] { new { description = "x", quantity = 1m, unitPrice = 10m } }, discount = new { kind = "amount", value = 11m }, validUntil = today.AddDays(5) }, "discount.value"),
            (new { recipientName = "Pia", recipientEmail = "pia@example.com", lineItems = new[] { new { description = "x", quantity = 1m, unitPrice = 10m } }, discount = new { kind = "gift", value = 1m }, validUntil = today.AddDays(5) }, "discount.kind"),
            (new { recipientName = "Pia", recipientEmail = "pia@example.com", language = "fr", lineItems = new[] { new { description = "x", quantity = 1m, unitPrice = 10m } }, validUntil = today.AddDays(5) }, "language"),
        })
        {
            var response = await admin.PostAsJsonAsync($"/api/pipeline/deals/{dealId}/proposals", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/pipeline/deals/{Guid.NewGuid()}/proposals", Body(today, Email()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/pipeline/proposals/{Guid.NewGuid()}")).StatusCode);

        // A link with one character changed, cut short, or made up: a 404 problem, and a page that says so.
        var id = (await CreateAsync(admin, dealId, Body(today.AddDays(3), Email(), language: "ja"))).GetProperty("id").GetGuid();
        var token = await SendAsync(admin, id);
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        var client = factory.CreateClient();
        foreach (var bad in new[] { tampered, token[..^4], "not-a-link", new string('x', 3000) })
        {
            var api = await client.GetAsync($"/api/proposals/{Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Contains("link_invalid", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/proposals/{Uri.EscapeDataString(bad)}/accept", null)).StatusCode);
            var page = await client.GetAsync($"/proposals/{Uri.EscapeDataString(bad)}?lang=en");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("This proposal link is not valid", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // The genuine link in Japanese and German: the page's words follow ?lang=, the document its own language.
        var ja = WebUtility.HtmlDecode(await client.GetStringAsync($"/proposals/{Uri.EscapeDataString(token)}?lang=ja"));
        Assert.Contains("提案を承諾する", ja, StringComparison.Ordinal);
        Assert.Contains("提案書および契約書", ja, StringComparison.Ordinal);
        var de = WebUtility.HtmlDecode(await client.GetStringAsync($"/proposals/{Uri.EscapeDataString(token)}?lang=de"));
        Assert.Contains("Angebot annehmen", de, StringComparison.Ordinal);
        Assert.Contains("18.405,00 EUR", de, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDealAndProposalPages_ShowTheProposal_AndTheStaffFormMakesOne()
    {
        var (admin, dealId, _) = await DealAsync(factory);
        // A browser-like client of the same admin: keeps its cookies (the anti-forgery one) and shows redirects.
        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var page = await browser.GetStringAsync($"/pipeline/deals/{dealId}");
        Assert.Contains("New proposal", page, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryTokens.From(page),
            ["Title"] = "Form proposal",
            ["Language"] = "en",
            ["RecipientName"] = "Pia Deal",
            ["RecipientEmail"] = Email(),
            ["Items[0].Description"] = "Licence",
            ["Items[0].Quantity"] = "3",
            ["Items[0].UnitPrice"] = "1000.50",
            ["Items[1].Description"] = string.Empty,
            ["Items[2].Description"] = "Support",
            ["Items[2].Quantity"] = "1",
            ["Items[2].UnitPrice"] = "99",
            ["DiscountKind"] = "amount",
            ["DiscountValue"] = "100",
            ["ValidUntil"] = Today(factory).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var posted = await browser.PostAsync($"/pipeline/deals/{dealId}/proposals", form);
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        var location = posted.Headers.Location!.OriginalString;
        Assert.StartsWith("/pipeline/proposals/", location, StringComparison.Ordinal);
        var id = Guid.Parse(location["/pipeline/proposals/".Length..]);
        var proposal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}");
        Assert.Equal((3 * 1000.50m) + 99m - 100m, proposal.GetProperty("current").GetProperty("total").GetDecimal());
        Assert.Equal(2, proposal.GetProperty("current").GetProperty("lineItems").GetArrayLength());

        var proposalPage = WebUtility.HtmlDecode(await admin.GetStringAsync(location));
        Assert.Contains("Send version 1", proposalPage, StringComparison.Ordinal);
        Assert.Contains("3,000.50 EUR", proposalPage, StringComparison.Ordinal);
        Assert.Contains("Form proposal", WebUtility.HtmlDecode(await admin.GetStringAsync($"/pipeline/deals/{dealId}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoAcceptsAtOnce_AndAnAcceptAgainstANewVersionBeingSent_LeaveExactlyOneOutcome_EveryRound()
    {
        var (admin, dealId, _) = await DealAsync(factory);
        var validUntil = Today(factory).AddDays(20);
        for (var round = 0; round < 12; round++)
        {
            // Four clicks of Accept at once: one acceptance, one event.
            var id = (await CreateAsync(admin, dealId, Body(validUntil, Email()))).GetProperty("id").GetGuid();
            var token = await SendAsync(admin, id);
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => factory.CreateClient().PostAsync($"/api/proposals/{Uri.EscapeDataString(token)}/accept", null)));
            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
            Assert.Equal(1, await EventsAsync("pipeline.proposal-accepted", id));

            // The client accepts version 1 while staff send version 2: one of the two happens, never both.
            id = (await CreateAsync(admin, dealId, Body(validUntil, Email()))).GetProperty("id").GetGuid();
            token = await SendAsync(admin, id);
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/pipeline/proposals/{id}", Body(validUntil, Email(), firstQuantity: 5m))).StatusCode);
            var accept = factory.CreateClient().PostAsync($"/api/proposals/{Uri.EscapeDataString(token)}/accept", null);
            var send = admin.PostAsync($"/api/pipeline/proposals/{id}/send", null);
            var (accepted, sent) = ((await accept).StatusCode, (await send).StatusCode);
            Assert.True(accepted == HttpStatusCode.OK ^ sent == HttpStatusCode.OK, $"accept {accepted}, send {sent}");
            Assert.True(accepted is HttpStatusCode.OK or HttpStatusCode.Conflict && sent is HttpStatusCode.OK or HttpStatusCode.Conflict, $"accept {accepted}, send {sent}");
            var proposal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}");
            if (accepted == HttpStatusCode.OK)
            {
                Assert.Equal("accepted", proposal.GetProperty("status").GetString());
                Assert.Equal(1, proposal.GetProperty("acceptedVersion").GetInt32());
                Assert.Equal(1, proposal.GetProperty("sentVersion").GetInt32());
                Assert.Equal(0, await EventsAsync("pipeline.proposal-sent", id, version: 2));
            }
            else
            {
                Assert.Equal("sent", proposal.GetProperty("status").GetString());
                Assert.Equal(2, proposal.GetProperty("sentVersion").GetInt32());
                Assert.Equal(0, await EventsAsync("pipeline.proposal-accepted", id));
            }
        }
    }

    /// <summary>How many events of <paramref name="type"/> the outbox holds for the proposal (and version).</summary>
    private async Task<int> EventsAsync(string type, Guid proposalId, int? version = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var payloads = await db.Set<StoredEvent>().AsNoTracking().Where(e => e.Type == type).Select(e => e.Payload).ToListAsync();
        return payloads.Select(p => JsonDocument.Parse(p).RootElement)
            .Count(p => p.GetProperty("proposalId").GetGuid() == proposalId && (version is null || p.GetProperty("version").GetInt32() == version));
    }
}
