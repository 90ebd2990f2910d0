using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Browser.Tests;

public sealed class CalendarTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_OpensTheWeekCalendar_SeesTheMeetingAndItsBriefing_AndCancelsIt()
    {
        // A client books the first free discovery call of NQBA Core through the public API.
        var from = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddDays(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var api = fixture.CreateClient();
        var slots = await api.GetFromJsonAsync<JsonElement>($"/api/scheduling/units/nqba-core/slots?type=discovery-30&from={from}&to={to}&timeZone=Europe%2FBerlin");
        var slot = slots.GetProperty("slots")[0];
        var start = slot.GetProperty("start").GetDateTimeOffset();
        var specialist = slot.GetProperty("specialistIds")[0].GetGuid();
        var client = "Calendar Client " + Guid.NewGuid().ToString("N")[..6];
        var booked = await api.PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType = "discovery-30",
            start,
            specialistId = specialist,
            name = client,
            email = $"cal-{Guid.NewGuid():N}@example.com",
            timeZone = "America/New_York",
            notes = "Wants a tour of the agents",
        });
        booked.EnsureSuccessStatusCode();
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // A specialist signs in (password, then code) and lands on the week of the meeting, in Berlin time.
        var calendar = $"/scheduling/calendar?view=week&specialist={specialist}&date={start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&tz=Europe%2FBerlin";
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Specialist, calendar);

        var meeting = page.Locator($"[data-booking=\"{id}\"]");
        await meeting.WaitForAsync();
        Assert.Contains(client, await meeting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(start.ToString("HH:mm", CultureInfo.InvariantCulture), await meeting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await meeting.Locator("xpath=..").GetAttributeAsync("data-date"));
        Assert.True(await page.Locator("nav a[href='/scheduling/calendar']").IsVisibleAsync());

        await meeting.ClickAsync();
        await page.WaitForPageAsync($"**/scheduling/bookings/{id}**");
        var briefing = page.Locator("[data-testid=briefing]");
        Assert.Contains(client, await briefing.Locator("[data-testid=briefing-client]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Wants a tour of the agents", await briefing.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Booked", await page.InnerTextAsync("[data-testid=booking-status]"));

        await page.FillAsync("[data-testid=cancel-reason]", "Specialist unavailable");
        await page.ClickAsync("[data-testid=cancel]");
        await page.WaitForPageAsync("**done=cancelled**");
        Assert.Equal("Cancelled", await page.InnerTextAsync("[data-testid=booking-status]"));
        Assert.Contains("Specialist unavailable", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=cancel]").CountAsync());

        // Back on the calendar the meeting shows as cancelled.
        await page.ClickAsync("[data-testid=back]");
        await page.WaitForPageAsync("**/scheduling/calendar**");
        Assert.Contains("cancelled", await page.Locator($"[data-booking=\"{id}\"]").GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
    }
}
