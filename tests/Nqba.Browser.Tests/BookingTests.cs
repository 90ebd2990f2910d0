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
        await page.WaitForSelectorAsync("[data-testid=calendar]");
        for (var month = 0; month < 3 && await page.Locator("[data-testid=slot]").CountAsync() == 0; month++)
        {
            await page.ClickAsync("[data-testid=next-month]");
            await page.WaitForSelectorAsync("[data-testid=calendar]");
        }

        Assert.Contains("Asia/Tokyo", await page.TextContentAsync("[data-testid=zone]"), StringComparison.Ordinal);
        var slot = page.Locator("[data-testid=slot]").First;
        var start = DateTimeOffset.Parse((await slot.GetAttributeAsync("data-start"))!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(9), start.Offset);
        await slot.ClickAsync();
        await page.FillAsync("#name", "Grace Browser");
        await page.FillAsync("#email", $"grace-{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("form button[type=submit]");

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

    [Fact]
    public async Task Client_ReschedulesFromTheManageLink_ToAnotherSlot()
    {
        var page = await fixture.NewPageAsync(width: 1280, height: 900, timeZone: "Europe/Berlin");
        await page.GotoAsync("/book/sigma-select?type=discovery-30&lang=de");
        await page.WaitForSelectorAsync("[data-testid=calendar]");
        for (var month = 0; month < 3 && await page.Locator("[data-testid=slot]").CountAsync() == 0; month++)
        {
            await page.ClickAsync("[data-testid=next-month]");
            await page.WaitForSelectorAsync("[data-testid=calendar]");
        }

        // German dates and the 24-hour clock by default; the toggle switches to 12 hours.
        Assert.Matches(@"^\w+, \d{1,2}\. \w+$", (await page.TextContentAsync("[data-testid=selected-day]"))!.Trim());
        Assert.Matches(@"^\d{2}:\d{2}$", (await page.Locator("[data-testid=slot]").First.TextContentAsync())!.Trim());
        await page.ClickAsync("[data-testid=h12]");
        await page.WaitForPageAsync("**h=12**");
        Assert.Matches(@"(AM|PM|vorm|nachm)", (await page.Locator("[data-testid=slot]").First.TextContentAsync())!);

        await page.Locator("[data-testid=slot]").First.ClickAsync();
        await page.FillAsync("#name", "Ada Rebook");
        await page.FillAsync("#email", $"ada-{Guid.NewGuid():N}@example.com");
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=status]");
        var first = await page.GetAttributeAsync("[data-testid=when]", "data-start");

        await page.ClickAsync("[data-testid=reschedule]");
        await page.WaitForSelectorAsync("[data-testid=moving]");
        await page.Locator("[data-testid=slot]").Nth(1).ClickAsync();
        await page.ClickAsync("[data-testid=move]");
        await page.WaitForSelectorAsync("[data-testid=rescheduled]");
        Assert.NotEqual(first, await page.GetAttributeAsync("[data-testid=when]", "data-start"));
        Assert.Equal("Ihr Termin ist gebucht", (await page.TextContentAsync("[data-testid=status]"))!.Trim());
    }
}
