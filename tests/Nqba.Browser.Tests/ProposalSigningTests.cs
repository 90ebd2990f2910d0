using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Platform.Security;

namespace Nqba.Browser.Tests;

/// <summary>
/// Issue 20, items 3 and 5: the client opens the proposal's signed link without signing in, on a phone and on a laptop,
/// accepts it and signs the contract with their typed name and consent; staff then see the verified signature.
/// </summary>
public sealed class ProposalSigningTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(390, 844, "de")]
    [InlineData(1280, 900, "en")]
    public async Task Client_OpensTheSignedLink_AcceptsTheProposal_AndSignsTheContract(int width, int height, string language)
    {
        // Staff: a lead's deal with a confirmed budget, and a proposal sent to the client.
        var company = "Proposal " + Guid.NewGuid().ToString("N")[..8];
        var captured = await fixture.CreateClient().PostAsJsonAsync("/api/leads", new { name = "Pia Deal", email = $"pia@proposal-{Guid.NewGuid():N}.example", company, regionCode = "europe" });
        captured.EnsureSuccessStatusCode();
        var leadId = (await captured.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        Guid dealId;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            dealId = (await scope.ServiceProvider.GetRequiredService<DealDesk>().OpenForLeadAsync(leadId, "test", CancellationToken.None))!.Id;
        }

        var admin = await fixture.CreateAdminClientAsync();
        (await admin.PatchAsJsonAsync($"/api/pipeline/deals/{dealId}", new { currency = "EUR", budgetConfirmed = true })).EnsureSuccessStatusCode();
        var created = await admin.PostAsJsonAsync($"/api/pipeline/deals/{dealId}/proposals", new
        {
            title = "SigmaEQ rollout for " + company,
            recipientName = "Pia Deal",
            recipientEmail = $"pia-{Guid.NewGuid():N}@proposal.example",
            language,
            lineItems = new object[]
            {
                new { description = "SigmaEQ licence, annual, for the whole sales organization", quantity = 12m, unitPrice = 1500m },
                new { description = "Onboarding workshop (days)", quantity = 2.5m, unitPrice = 980m },
                new { description = "Priority support during go-live", quantity = 1m, unitPrice = 0m },
            },
            discount = new { kind = "percent", value = 10m },
            validUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            terms = "Payment within 30 days of the invoice. The licence runs twelve months from go-live and renews yearly unless cancelled with three months' notice.",
        });
        created.EnsureSuccessStatusCode();
        var proposalId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var sent = await admin.PostAsync($"/api/pipeline/proposals/{proposalId}/send", null);
        sent.EnsureSuccessStatusCode();
        var link = new Uri((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!);

        // The client, not signed in, opens the link from the e-mail.
        var page = await fixture.NewPageAsync(width, height, locale: language == "de" ? "de-DE" : "en-US", axe: true);
        await page.GotoAsync(link.PathAndQuery);
        await page.WaitForSelectorAsync("[data-testid=proposal][data-status=sent]");
        Assert.Contains(language == "de" ? "18.405,00 EUR" : "18,405.00 EUR", await page.InnerTextAsync("[data-testid=proposal-total]"), StringComparison.Ordinal);
        await CheckAsync(page, $"proposal-{width}-1-offer", width);

        await page.ClickAsync("[data-testid=proposal-accept]");
        await page.WaitForSelectorAsync("[data-testid=proposal][data-status=accepted]");
        Assert.Equal(1, await page.Locator("[data-testid=proposal-accepted]").CountAsync());
        await CheckAsync(page, $"proposal-{width}-2-accepted", width);

        // Signing: the name and the consent; the page sends the hash of the document it shows.
        var hash = await page.InnerTextAsync("[data-testid=proposal-hash]");
        await page.FillAsync("[data-testid=proposal-sign-name]", "Pia Deal");
        await page.CheckAsync("[data-testid=proposal-sign-consent]");
        await page.ClickAsync("[data-testid=proposal-sign]");
        await page.WaitForSelectorAsync("[data-testid=proposal][data-status=signed]");
        Assert.Equal(0, await page.Locator("[data-testid=proposal-sign]").CountAsync());
        await CheckAsync(page, $"proposal-{width}-3-signed", width);

        var signature = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{proposalId}/signature");
        Assert.Equal("Pia Deal", signature.GetProperty("name").GetString());
        Assert.Equal(hash, signature.GetProperty("documentSha256").GetString());
        Assert.True(signature.GetProperty("documentMatches").GetBoolean());

        // Staff see the proposal with its verified signature.
        var staff = await fixture.SignInNewUserAsync(NqbaRoles.SalesRep, $"/pipeline/proposals/{proposalId}", axe: true);
        await staff.SetViewportSizeAsync(width, height);
        await staff.ReloadAsync();
        Assert.Contains("still hashes to the signed SHA-256", await staff.InnerTextAsync("[data-testid=proposal-signature-check]"), StringComparison.Ordinal);
        await CheckAsync(staff, $"proposal-{width}-4-staff", width);

        // The deal page lists the proposal and its timeline the sending, the acceptance and the signature.
        await staff.GotoAsync($"/pipeline/deals/{dealId}");
        Assert.Equal(1, await staff.Locator($"[data-testid=deal-proposal-{proposalId}]").CountAsync());
        Assert.Contains("signed electronically by the client", await staff.InnerTextAsync("[data-testid=deal-timeline]"), StringComparison.Ordinal);
        await CheckAsync(staff, $"proposal-{width}-5-deal", width);

        // An open deal's page offers the form for a new proposal.
        var other = await fixture.CreateClient().PostAsJsonAsync("/api/leads", new { name = "Otto Open", email = $"otto@open-{Guid.NewGuid():N}.example", company = "Open " + company, regionCode = "europe" });
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var otherLead = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
            dealId = (await scope.ServiceProvider.GetRequiredService<DealDesk>().OpenForLeadAsync(otherLead, "test", CancellationToken.None))!.Id;
        }

        await staff.GotoAsync($"/pipeline/deals/{dealId}");
        await staff.Locator("details.proposal-new > summary").ClickAsync();
        await staff.FillAsync("[data-testid=proposal-recipient-name]", "Otto Open");
        await CheckAsync(staff, $"proposal-{width}-6-new", width);
    }

    private static async Task CheckAsync(IPage page, string name, int width)
    {
        await AxeCore.ScreenshotAsync(page, name);
        var violations = await AxeCore.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name} ({page.Url}):\n" + string.Join('\n', violations));
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{name} is {scrollWidth}px wide at a {width}px viewport");
    }
}
