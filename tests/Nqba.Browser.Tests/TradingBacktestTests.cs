using Microsoft.Playwright;
using Nqba.Server.Platform.Security;

namespace Nqba.Browser.Tests;

/// <summary>Issue 23's backtest page: a trader runs a strategy, sees its equity curve against the benchmark and its risk, and finds the run in the list.</summary>
public sealed class TradingBacktestTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Trader_RunsABacktest_SeesTheCurveAgainstTheBenchmark_AndTheRunInTheList(int width, int height)
    {
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Trader, "/trading/backtests", axe: true);
        await page.SetViewportSizeAsync(width, height);
        await page.ReloadAsync();
        await CheckAsync(page, $"trading-backtests-{width}-1-form", width);

        foreach (var ticker in new[] { "AAPL", "JPM", "XOM", "PFE" })
        {
            await page.CheckAsync($"[data-testid=backtest-form] input[name=Tickers][value={ticker}]");
        }

        await page.SelectOptionAsync("[data-testid=backtest-method]", "min-volatility");
        await page.FillAsync("input[name=From]", "2014-01-02");
        await page.ClickAsync("[data-testid=run-backtest]");
        await page.WaitForSelectorAsync("[data-testid=equity-chart] svg[role=img]");

        var chart = page.Locator("[data-testid=equity-chart] svg");
        Assert.Contains("with the benchmark", await chart.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 120 }, $"the chart is {box?.Width}×{box?.Height}");
        var metrics = await page.InnerTextAsync("[data-testid=backtest-metrics]");
        Assert.Contains("Maximum drawdown", metrics, StringComparison.Ordinal);
        Assert.Contains("One-day VaR 95", metrics, StringComparison.Ordinal);
        await CheckAsync(page, $"trading-backtests-{width}-2-run", width);

        await page.ClickAsync("text=All backtests");
        await page.WaitForSelectorAsync("[data-testid=backtests]");
        Assert.True(await page.Locator("[data-testid=backtest-row]").CountAsync() >= 1);
        Assert.Contains("Minimum volatility", await page.InnerTextAsync("[data-testid=backtests]"), StringComparison.Ordinal);
        await CheckAsync(page, $"trading-backtests-{width}-3-list", width);
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
