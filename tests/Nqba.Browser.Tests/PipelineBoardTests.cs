using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nqba.Server.Modules.Onboarding;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Platform.Security;

namespace Nqba.Browser.Tests;

/// <summary>Issue 20's board: a sales rep drags a deal to the next stage, meets the proposal's gate, fills in what it asks and moves on.</summary>
public sealed class PipelineBoardTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task SalesRep_MovesADealAcrossTheBoard_MeetsTheGate_AndPassesIt(int width, int height)
    {
        var company = "Board " + Guid.NewGuid().ToString("N")[..8];
        var captured = await fixture.CreateClient().PostAsJsonAsync("/api/leads", new { name = "Bo Board", email = $"bo@board-{Guid.NewGuid():N}.example", company, regionCode = "us-east" });
        captured.EnsureSuccessStatusCode();
        var leadId = (await captured.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        Guid dealId;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            // The lead's deal, as the captured event opens it (the background delivery may be a moment behind).
            dealId = (await scope.ServiceProvider.GetRequiredService<DealDesk>().OpenForLeadAsync(leadId, "test", CancellationToken.None))!.Id;
        }

        var page = await fixture.SignInNewUserAsync(NqbaRoles.SalesRep, "/pipeline", axe: true);
        await page.SetViewportSizeAsync(width, height);
        await page.ReloadAsync();
        var card = page.Locator($"[data-testid=deal-{dealId}]");
        Assert.Equal(1, await page.Locator($"[data-testid=column-contact] [data-testid=deal-{dealId}]").CountAsync());
        await CheckAsync(page, $"pipeline-{width}-1-board", width);

        // Wide screens drag the card; on a phone the card's own move form does it (the same form the drop submits).
        if (width >= 800)
        {
            await card.DragToAsync(page.Locator("[data-testid=column-qualification]"));
        }
        else
        {
            await card.Locator("summary").ClickAsync();
            await card.Locator("select[name=Stage]").SelectOptionAsync("qualification");
            await card.Locator("button[type=submit]").ClickAsync();
        }

        await page.WaitForSelectorAsync($"[data-testid=column-qualification] [data-testid=deal-{dealId}]");

        // The proposal's gate: no value and no confirmed budget yet.
        card = page.Locator($"[data-testid=deal-{dealId}]");
        await card.Locator("summary").ClickAsync();
        await card.Locator("select[name=Stage]").SelectOptionAsync("proposal");
        await card.Locator("button[type=submit]").ClickAsync();
        var error = await page.WaitForSelectorAsync("[data-testid=board-error]");
        Assert.Contains("budget", await error!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"[data-testid=column-qualification] [data-testid=deal-{dealId}]").CountAsync());
        await CheckAsync(page, $"pipeline-{width}-2-gate", width);

        // On the deal page: a value and the budget, then the move passes the gate.
        await page.Locator($"[data-testid=deal-{dealId}] a.deal-title").ClickAsync();
        await page.WaitForPageAsync($"**/pipeline/deals/{dealId}");
        await page.FillAsync("[data-testid=deal-value]", "25000");
        await page.CheckAsync("[data-testid=deal-budget]");
        await page.ClickAsync("form[aria-label='Edit the deal'] button[type=submit]");
        await page.WaitForPageAsync($"**/pipeline/deals/{dealId}");
        // Two seats of a monthly product from the catalogue: the value becomes their first year (2 × 1,200 × 12).
        await page.SelectOptionAsync("[data-testid=deal-product]", "sigma-intelligence");
        await page.FillAsync("[data-testid=deal-product-quantity]", "2");
        await page.ClickAsync("[data-testid=deal-product-add]");
        await page.WaitForSelectorAsync("[data-testid=deal-products]");
        Assert.Contains("Sigma Select sales intelligence", await page.InnerTextAsync("[data-testid=deal-products]"), StringComparison.Ordinal);
        Assert.Contains("28,800", await page.InnerTextAsync("[data-testid=deal-recurring]"), StringComparison.Ordinal);
        await page.SelectOptionAsync("[data-testid=deal-move-stage]", "proposal");
        await page.ClickAsync("form[aria-label='Move the deal'] button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=deal-stage]').textContent.includes('Proposal')");
        var timeline = await page.InnerTextAsync("[data-testid=deal-timeline]");
        Assert.Contains("Moved to Qualification call", timeline, StringComparison.Ordinal);
        Assert.Contains("Moved to Proposal & negotiation", timeline, StringComparison.Ordinal);
        await CheckAsync(page, $"pipeline-{width}-3-deal", width);

        // Won: the client's onboarding starts, and its first step is done with evidence on the onboarding page.
        await page.SelectOptionAsync("[data-testid=deal-move-stage]", "won");
        await page.ClickAsync("form[aria-label='Move the deal'] button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=deal-stage]').textContent.includes('Won')");
        Guid organization;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            // The won deal's event starts it in the background; starting it here as well is the same one (idempotent).
            var deal = await scope.ServiceProvider.GetRequiredService<DealQueries>().GetAsync(dealId, CancellationToken.None);
            organization = deal!.OrganizationId;
            await scope.ServiceProvider.GetRequiredService<OnboardingDesk>().StartAsync(
                new DealWon(dealId, organization, leadId, deal.OwnerId, deal.UnitCode, deal.Value, deal.Currency, deal.ClosedAt!.Value), CancellationToken.None);
        }

        await page.GotoAsync("/onboarding");
        var onboarding = page.Locator($"[data-testid=onboarding-{organization}]");
        await onboarding.Locator("li[data-step=contract] input[name=Evidence]").FillAsync("Signed contract v1");
        await onboarding.Locator("li[data-step=contract] button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync($"[data-testid=onboarding-{organization}] li[data-step=contract].done");
        Assert.Contains("Signed contract v1", await page.Locator($"[data-testid=onboarding-{organization}] li[data-step=contract]").InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, $"pipeline-{width}-4-onboarding", width);
        // The catalogue the deal's product came from, as a sales rep sees it (read only).
        await page.GotoAsync("/pipeline/products");
        Assert.Contains("Sigma Select sales intelligence", await page.InnerTextAsync("[data-testid=catalogue]"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form[aria-label='Add a product']").CountAsync());
        await CheckAsync(page, $"pipeline-{width}-5-products", width);
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
