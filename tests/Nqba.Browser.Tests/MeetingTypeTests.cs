using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Browser.Tests;

/// <summary>An admin edits an event type on the meeting types page: additive buffers, a business-day window, a weekly limit.</summary>
public sealed class MeetingTypeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_GivesTheDemoBuffersAndAWeeklyLimit_AndSeesThemListed_OnAPhoneToo()
    {
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Admin, "/scheduling/meeting-types?code=demo-60");
        Assert.Equal("demo-60", await page.InputValueAsync("[data-testid=mt-code]"));

        await page.FillAsync("[data-testid=mt-beforeBufferMinutes]", "10");
        await page.FillAsync("[data-testid=mt-afterBufferMinutes]", "20");
        await page.SelectOptionAsync("[data-testid=mt-window-kind]", "BusinessDays");
        await page.FillAsync("[data-testid=mt-bookingWindowDays]", "15");
        await page.FillAsync("[data-testid=mt-maxPerWeek]", "8");
        await page.ClickAsync("[data-testid=mt-save]");
        await page.WaitForSelectorAsync("[data-testid=done]");

        var row = await page.InnerTextAsync("[data-testid=meeting-type][data-code='demo-60']");
        Assert.Contains("10 min + 20 min", row, StringComparison.Ordinal);
        Assert.Contains("15 business days ahead", row, StringComparison.Ordinal);
        Assert.Contains("Meetings per week: 8", row, StringComparison.Ordinal);
        Assert.Equal("8", await page.InputValueAsync("[data-testid=mt-maxPerWeek]"));
        await AxeCore.ScreenshotAsync(page, "meeting-types-1280");

        // A wrong entry comes back named, and nothing changes.
        await page.FillAsync("[data-testid=mt-maxPerDay]", "9");
        await page.ClickAsync("[data-testid=mt-save]");
        await page.WaitForSelectorAsync("[data-testid=error]");
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=mt-maxPerWeek]", "aria-invalid"));
        Assert.Equal("6", await page.InputValueAsync("[data-testid=mt-maxPerDay]")); // as configured, not the refused 9

        await page.SetViewportSizeAsync(390, 844);
        await AxeCore.ScreenshotAsync(page, "meeting-types-390");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the meeting types page is wider than a phone");
    }
}
