using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Browser.Tests;

/// <summary>A specialist's own week on the availability page: a lunch break, another zone, a date override.</summary>
public sealed class AvailabilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_SavesAWeekWithALunchBreakInAnotherZone_AndAnOverride_OnAPhoneToo()
    {
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Admin, "/scheduling/availability");
        Assert.True(await page.IsVisibleAsync("[data-testid=follows-region]"));

        // The week starts as the region's (Monday to Friday, one range a day); Monday closes at noon and reopens at 13:00.
        await page.FillAsync("input[name='Name']", "Working hours");
        await page.FillAsync("input[name='TimeZone']", "America/Chicago");
        await page.FillAsync("input[name='Week[0].Closes']", "12:00");
        await page.SelectOptionAsync("select[name='Week[5].Day']", "1");
        await page.FillAsync("input[name='Week[5].Opens']", "13:00");
        await page.FillAsync("input[name='Week[5].Closes']", "17:00");
        await page.ClickAsync("[data-testid=save-schedule]");
        await page.WaitForSelectorAsync("[data-testid=done]");

        Assert.False(await page.IsVisibleAsync("[data-testid=follows-region]"));
        Assert.Equal("America/Chicago", await page.InputValueAsync("input[name='TimeZone']"));
        Assert.Equal(["09:00", "13:00"], [await page.InputValueAsync("input[name='Week[0].Opens']"), await page.InputValueAsync("input[name='Week[1].Opens']")]);
        Assert.Equal("12:00", await page.InputValueAsync("input[name='Week[0].Closes']"));
        Assert.Contains("default", await page.InnerTextAsync("[data-testid=schedules]"), StringComparison.Ordinal);

        await page.FillAsync("[data-testid=override-date]", "2027-05-03");
        await page.FillAsync("[data-testid=override-ranges]", "08:00-10:00, 15:00-16:00");
        await page.ClickAsync("[data-testid=add-override]");
        await page.WaitForSelectorAsync("[data-testid=override][data-date='2027-05-03']");
        Assert.Contains("08:00–10:00, 15:00–16:00", await page.InnerTextAsync("[data-testid=override][data-date='2027-05-03']"), StringComparison.Ordinal);
        await AxeCore.ScreenshotAsync(page, "availability-1280");

        await page.SetViewportSizeAsync(390, 844);
        await AxeCore.ScreenshotAsync(page, "availability-390");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the availability page is wider than a phone");
    }
}
