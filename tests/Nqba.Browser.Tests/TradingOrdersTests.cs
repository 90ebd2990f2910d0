using Microsoft.Playwright;
using Nqba.Server.Platform.Security;

namespace Nqba.Browser.Tests;

/// <summary>Issue 23's orders page: a trader opens a paper portfolio, buys at the next close, is blocked by a compliance limit and sees the position.</summary>
public sealed class TradingOrdersTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Trader_OpensAPortfolio_BuysXom_IsBlockedOnAnOversizedPosition(int width, int height)
    {
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Trader, "/trading/orders", axe: true);
        await page.SetViewportSizeAsync(width, height);
        var name = "Paper " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("[data-testid=new-portfolio-name]", name);
        await page.ClickAsync("form[aria-label='Open a portfolio'] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=order-form]");
        await page.SelectOptionAsync("[data-testid=orders-portfolio]", new SelectOptionValue { Label = name });
        await page.ClickAsync("form[aria-label='Choose a portfolio'] button[type=submit]");
        await page.WaitForSelectorAsync($"text=New order for {name}");

        var form = page.Locator("[data-testid=order-form]");
        await form.Locator("select[name=Ticker]").SelectOptionAsync("XOM");
        await form.Locator("input[name=Quantity]").FillAsync("100");
        await form.Locator("input[name=Date]").FillAsync("2018-01-02");
        await form.Locator("button[type=submit]").ClickAsync();
        var message = await page.WaitForSelectorAsync("[data-testid=orders-message]");
        Assert.Contains("buy 100 XOM filled at 85.822395 on 2018-01-03", await message!.InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, $"trading-orders-{width}-1-filled", width);

        form = page.Locator("[data-testid=order-form]");
        await form.Locator("select[name=Ticker]").SelectOptionAsync("AAPL");
        await form.Locator("input[name=Quantity]").FillAsync("400");
        await form.Locator("input[name=Date]").FillAsync("2018-01-02");
        await form.Locator("button[type=submit]").ClickAsync();
        var error = await page.WaitForSelectorAsync("[data-testid=orders-error]");
        Assert.Contains("above the maximum position of 25.0 %", await error!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("rejected", await page.InnerTextAsync("[data-testid=blotter]"), StringComparison.Ordinal);
        await CheckAsync(page, $"trading-orders-{width}-2-blocked", width);

        await page.GotoAsync("/trading");
        var portfolio = page.Locator("[data-testid=portfolio]", new PageLocatorOptions { HasText = name });
        Assert.Contains("XOM", await portfolio.InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, $"trading-home-{width}", width);
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
