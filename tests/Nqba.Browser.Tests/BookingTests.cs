using System.Globalization;

namespace Nqba.Browser.Tests;

public sealed class BookingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Visitor_BooksADiscoveryCallAtPhoneWidth_InTheirOwnZone_AndGetsTheInvite()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844, timeZone: "Asia/Tokyo");

        await page.GotoAsync("/book/nqba-core?lang=en");
        // The page adds the browser's zone to its address and shows every time in it.
        await page.WaitForSelectorAsync("[data-testid=type-discovery-30]");
        Assert.True(page.Url.Contains("tz=Asia%2FTokyo", StringComparison.Ordinal), page.Url + "\n" + await page.ContentAsync());
        await page.ClickAsync("[data-testid=type-discovery-30]");
        for (var week = 0; week < 3 && await page.Locator("[data-testid=slot]").CountAsync() == 0; week++)
        {
            await page.ClickAsync("[data-testid=next-week]");
        }

        Assert.Contains("Asia/Tokyo", await page.TextContentAsync("[data-testid=zone]"), StringComparison.Ordinal);
        var slot = page.Locator("[data-testid=slot]").First;
        var start = DateTimeOffset.Parse((await slot.GetAttributeAsync("data-start"))!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(9), start.Offset);
        await slot.ClickAsync();
        await page.FillAsync("#name", "Grace Browser");
        await page.FillAsync("#email", $"grace-{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("button[type=submit]");

        await page.WaitForSelectorAsync("[data-testid=status]");
        Assert.Equal("Your meeting is booked", await page.TextContentAsync("[data-testid=status]"));
        Assert.Equal(start, DateTimeOffset.Parse((await page.GetAttributeAsync("[data-testid=when]", "data-start"))!, CultureInfo.InvariantCulture));
        var ics = await page.APIRequest.GetAsync((await page.GetAttributeAsync("[data-testid=ics]", "href"))!);
        var text = await ics.TextAsync();
        Assert.Contains("METHOD:REQUEST", text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", text, StringComparison.Ordinal);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"page is {width}px wide at a 390px viewport");
    }
}
