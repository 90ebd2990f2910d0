using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Browser.Tests;

/// <summary>An administrator edits a business calendar on its page: a lunch break in the week, a holiday.</summary>
public sealed class BusinessCalendarTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_AddsALunchBreakAndAHoliday_AndSeesThemListed()
    {
        var code = "browser-" + Guid.NewGuid().ToString("N")[..8];
        var api = await fixture.CreateAdminClientAsync();
        var created = await api.PostAsJsonAsync("/api/company/calendars", new
        {
            code,
            name = "Browser support",
            timeZone = "Europe/Berlin",
            week = new[] { new { day = 1, opens = "09:00", closes = "17:00" } },
        });
        created.EnsureSuccessStatusCode();

        var page = await fixture.SignInNewUserAsync(NqbaRoles.Admin, $"/company/calendars/{code}");
        await AxeCore.ScreenshotAsync(page, "calendar-edit-before-1280");

        // Monday 09:00–17:00 becomes 09:00–12:00 and 13:00–17:00: the first row closes at noon, a new row opens after lunch.
        await page.FillAsync("#week-0-closes", "12:00");
        await page.ClickAsync("button[value=add-row]");
        await page.WaitForSelectorAsync("#week-2-day");
        Assert.Equal("12:00", await page.InputValueAsync("#week-0-closes"));
        await page.SelectOptionAsync("#week-1-day", "1");
        await page.FillAsync("#week-1-opens", "13:00");
        await page.FillAsync("#week-1-closes", "17:00");
        await page.ClickAsync("button[value=save]");
        await page.WaitForSelectorAsync("[data-testid=calendar-done]");
        Assert.Equal("Calendar saved.", await page.InnerTextAsync("[data-testid=calendar-done]"));

        await page.FillAsync("#holiday-date", "2026-12-24");
        await page.FillAsync("#holiday-name", "Christmas Eve");
        await page.CheckAsync("input[name='Holiday.Yearly']");
        await page.ClickAsync("[data-testid=holiday-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=holidays] td:has-text('Christmas Eve')");
        var row = page.Locator("[data-testid=holidays] tr", new PageLocatorOptions { HasText = "Christmas Eve" });
        Assert.Contains("2026-12-24", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Every year", await row.InnerTextAsync(), StringComparison.Ordinal);
        await AxeCore.ScreenshotAsync(page, "calendar-edit-1280");
        await page.SetViewportSizeAsync(390, 844);
        await AxeCore.ScreenshotAsync(page, "calendar-edit-390");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the calendar page is wider than a phone");

        await page.GotoAsync("/company/calendars");
        var listed = page.Locator($"tr[data-calendar='{code}']");
        Assert.Contains("09:00–12:00, 13:00–17:00", await listed.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1", (await listed.Locator("td").Nth(4).InnerTextAsync()).Trim());
        await AxeCore.ScreenshotAsync(page, "calendars-390");
        await page.SetViewportSizeAsync(1280, 900);
        await AxeCore.ScreenshotAsync(page, "calendars-1280");

        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/company/calendars/{code}");
        Assert.Equal(["09:00:00", "13:00:00"], stored.GetProperty("week").EnumerateArray().Select(w => w.GetProperty("opens").GetString()));
        Assert.True(Assert.Single(stored.GetProperty("holidays").EnumerateArray()).GetProperty("yearly").GetBoolean());
    }
}
