using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Security;

namespace Nqba.Browser.Tests;

/// <summary>Issue 19's leads task: a sales rep searches a lead, opens it and goes on to its meeting's briefing.</summary>
public sealed class LeadsWorkspaceTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task SalesRep_SearchesALead_OpensIt_AndReachesTheBookingBriefing(int width, int height)
    {
        // A prospect leaves their details; a discovery call is booked for the lead.
        var api = fixture.CreateClient();
        var company = "Searchable " + Guid.NewGuid().ToString("N")[..8];
        var captured = await api.PostAsJsonAsync("/api/leads", new { name = "Lena Lead", email = $"lena-{Guid.NewGuid():N}@browser.example", company, regionCode = "europe" });
        captured.EnsureSuccessStatusCode();
        var leadId = (await captured.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        var from = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddDays(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var slots = await api.GetFromJsonAsync<JsonElement>($"/api/scheduling/units/sigma-select/slots?type=discovery-30&from={from}&to={to}&timeZone=Europe%2FBerlin");
        var slot = slots.GetProperty("slots")[width == 390 ? 1 : 0];
        var booked = await api.PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType = "discovery-30",
            start = slot.GetProperty("start").GetDateTimeOffset(),
            specialistId = slot.GetProperty("specialistIds")[0].GetGuid(),
            name = "Lena Lead",
            email = $"lena-{Guid.NewGuid():N}@browser.example",
            timeZone = "Europe/Berlin",
            notes = "Asked about pricing",
        });
        booked.EnsureSuccessStatusCode();
        var bookingId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Bookings.Where(b => b.Id == bookingId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.LeadId, leadId));
        }

        // The rep signs in on the leads workspace and searches part of the company's name, in lower case.
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Specialist, "/leads", axe: true);
        await page.SetViewportSizeAsync(width, height);
        await page.FillAsync("[data-testid=lead-search]", company[..14].ToLowerInvariant());
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForPageAsync("**/leads?**");
        var rows = page.Locator("[data-testid=leads] tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains(company, await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1–1 of 1 leads", await page.InnerTextAsync("[data-testid=lead-count]"), StringComparison.Ordinal);
        await CheckAsync(page, $"leads-{width}-1-search", width);

        await rows.First.Locator("a").ClickAsync();
        await page.WaitForPageAsync($"**/leads/{leadId}");
        await page.Locator($"[data-testid=meetings] a[href='/scheduling/bookings/{bookingId}']").ClickAsync();
        await page.WaitForPageAsync($"**/scheduling/bookings/{bookingId}**");
        var briefing = page.Locator("[data-testid=briefing]");
        Assert.Contains("Lena Lead", await briefing.Locator("[data-testid=briefing-client]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Asked about pricing", await briefing.InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(page, $"leads-{width}-2-briefing", width);
    }

    private static async Task CheckAsync(Microsoft.Playwright.IPage page, string name, int width)
    {
        await AxeCore.ScreenshotAsync(page, name);
        var violations = await AxeCore.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name} ({page.Url}):\n" + string.Join('\n', violations));
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{name} is {scrollWidth}px wide at a {width}px viewport");
    }
}
