using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
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

    [Fact]
    public async Task Admin_MakesATypeNeedConfirmation_TheClientsRequestWaits_AndStaffConfirmIt()
    {
        var code = "partner-" + Guid.NewGuid().ToString("N")[..8];
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Admin, "/scheduling/meeting-types?code=new");
        await page.FillAsync("[data-testid=mt-code]", code);
        await page.FillAsync("[data-testid=mt-name]", "Partner call");
        await page.FillAsync("[data-testid=mt-durationMinutes]", "30");
        await page.CheckAsync("[data-testid=mt-requires-confirmation]");
        await page.ClickAsync("[data-testid=mt-save]");
        await page.WaitForSelectorAsync("[data-testid=done]");
        Assert.Contains("needs confirmation", await page.InnerTextAsync($"[data-testid=meeting-type][data-code='{code}']"), StringComparison.Ordinal);
        Assert.True(await page.IsCheckedAsync("[data-testid=mt-requires-confirmation]"));

        // A client asks for the first free time through the public API; the manage link says it waits.
        var api = fixture.CreateClient();
        var from = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddDays(16).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slot = (await api.GetFromJsonAsync<JsonElement>($"/api/scheduling/units/nqba-core/slots?type={code}&from={from}&to={to}&timeZone=Europe%2FBerlin")).GetProperty("slots")[0];
        var booked = await api.PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType = code,
            start = slot.GetProperty("start").GetDateTimeOffset(),
            specialistId = slot.GetProperty("specialistIds")[0].GetGuid(),
            name = "Petra Partner",
            email = $"partner-{Guid.NewGuid():N}@example.com",
            timeZone = "Europe/Berlin",
        });
        booked.EnsureSuccessStatusCode();
        var booking = await booked.Content.ReadFromJsonAsync<JsonElement>();
        var id = booking.GetProperty("id").GetGuid();
        var manage = "/book/manage/" + Uri.EscapeDataString(booking.GetProperty("manageToken").GetString()!);
        var client = await fixture.NewPageAsync(390, 844, axe: true);
        await client.GotoAsync(manage);
        Assert.Equal("Request received", await client.InnerTextAsync("[data-testid=status]"));
        Assert.Empty(await AxeCore.SeriousViolationsAsync(client));
        await AxeCore.ScreenshotAsync(client, "booking-requested-390");
        Assert.Equal(0, await client.Locator("[data-testid=ics]").CountAsync());

        await page.GotoAsync($"/scheduling/bookings/{id}");
        Assert.Equal("Waiting for confirmation", await page.InnerTextAsync("[data-testid=booking-status]"));
        await AxeCore.ScreenshotAsync(page, "booking-pending-1280");
        await page.ClickAsync("[data-testid=confirm]");
        await page.WaitForPageAsync("**done=confirmed**");
        Assert.Equal("Booked", await page.InnerTextAsync("[data-testid=booking-status]"));

        await client.ReloadAsync();
        Assert.Equal("Your meeting is booked", await client.InnerTextAsync("[data-testid=status]"));
        Assert.Equal(1, await client.Locator("[data-testid=ics]").CountAsync());
    }
}
