using Microsoft.Playwright;
using Nqba.Server.Platform.Security;

namespace Nqba.Browser.Tests;

/// <summary>Issue 23's optimizer page: a trader picks the maximum-Sharpe method on the demo stocks and reads the weights and the frontier.</summary>
public sealed class TradingOptimizerTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Trader_RunsMaxSharpe_AndSeesTheWeightsAndTheFrontier(int width, int height)
    {
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Trader, "/trading/optimize", axe: true);
        await page.SetViewportSizeAsync(width, height);
        await page.ReloadAsync();
        await CheckAsync(page, $"trading-optimize-{width}-1-form", width);

        await page.SelectOptionAsync("[data-testid=method]", "max-sharpe");
        await page.FillAsync("[data-testid=cash]", "10000");
        await page.ClickAsync("[data-testid=run-optimize]");
        await page.WaitForSelectorAsync("[data-testid=weights]");

        // PyPortfolioOpt's max_sharpe on its 20-stock sample file: Sharpe 1.284771.
        Assert.Equal("1.285", (await page.InnerTextAsync("[data-testid=result-sharpe]")).Trim());
        var rows = await page.Locator("[data-testid=weights] tbody tr").AllInnerTextsAsync();
        Assert.True(rows.Count >= 3, string.Join(" | ", rows));
        Assert.All(rows, r => Assert.Contains('%', r));
        // The frontier is drawn (ScottPlot's SVG) and names the optimized portfolio on it for a screen reader.
        var chart = page.Locator("[data-testid=frontier-chart] svg[role=img]");
        Assert.Equal(1, await chart.CountAsync());
        Assert.Contains("this portfolio at volatility", await chart.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        Assert.True(await chart.Locator("path").CountAsync() > 2, "the chart has no lines");
        // The cash becomes whole shares of the weights, with the leftover named.
        Assert.True(await page.Locator("[data-testid=allocation] tbody tr").CountAsync() >= 3);
        Assert.Contains("left.", await page.InnerTextAsync("[data-testid=allocation]"), StringComparison.Ordinal);
        await CheckAsync(page, $"trading-optimize-{width}-2-result", width);

        // Ledoit-Wolf shrinkage moves the same optimization's risk estimate, and the page says which estimators ran.
        await page.SelectOptionAsync("[data-testid=risk-model]", "ledoit-wolf");
        await page.ClickAsync("[data-testid=run-optimize]");
        await page.WaitForSelectorAsync("text=ledoit-wolf (shrinkage");
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
