using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>The meeting types page: an admin creates and edits a type through its form; wrong entries come back named.</summary>
public sealed class MeetingTypePageTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private HttpClient Browser(HttpClient signedIn)
    {
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return browser;
    }

    private static async Task<string> PostAsync(HttpClient client, string token, params (string Key, string Value)[] fields)
    {
        var response = await client.PostAsync("/scheduling/meeting-types/save", new FormUrlEncodedContent(fields.Append(("__RequestVerificationToken", token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = WebUtility.UrlDecode(response.Headers.Location!.OriginalString);
        Assert.StartsWith("/scheduling/meeting-types?", location, StringComparison.Ordinal);
        return location;
    }

    [Fact]
    public async Task Admin_CreatesATypeWithWeeklyLimits_ThenEditsIt_AndJunkIsSentBackNamed()
    {
        var admin = await factory.CreateAdminClientAsync();
        using var browser = Browser(admin);
        var code = $"page-{Guid.NewGuid():N}"[..16];
        var html = await browser.GetStringAsync("/scheduling/meeting-types?code=new");
        var token = AntiforgeryTokens.From(html);
        Assert.Contains("data-code=\"discovery-30\"", html, StringComparison.Ordinal);

        var junk = await PostAsync(browser, token, ("Code", code), ("Name", "Page call"), ("DurationMinutes", "abc"), ("WindowKind", "CalendarDays"));
        var created = await PostAsync(browser, token,
            ("Code", code), ("Name", "Page call"), ("DurationMinutes", "40"), ("SlotStepMinutes", "20"), ("BeforeBufferMinutes", "5"), ("AfterBufferMinutes", "10"),
            ("MinimumNoticeMinutes", "60"), ("WindowKind", "BusinessDays"), ("BookingWindowDays", "10"), ("MaxPerDay", "2"), ("MaxPerWeek", "6"), ("MaxMinutesPerMonth", "600"), ("Active", "true"));

        Assert.Contains("error=durationMinutes", junk, StringComparison.Ordinal);
        Assert.Contains($"code={code}&done=saved", created, StringComparison.Ordinal);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/meeting-types/{code}");
        Assert.Equal(40, stored.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("BusinessDays", stored.GetProperty("windowKind").GetString());
        Assert.Equal(6, stored.GetProperty("maxPerWeek").GetInt32());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("maxPerMonth").ValueKind);

        var page = await browser.GetStringAsync($"/scheduling/meeting-types?code={code}");
        var staleVersion = await PostAsync(browser, AntiforgeryTokens.From(page), ("Editing", code), ("Version", "7"), ("Name", "Page call"), ("DurationMinutes", "40"), ("WindowKind", "CalendarDays"));
        var edited = await PostAsync(browser, AntiforgeryTokens.From(page), ("Editing", code), ("Version", "0"), ("Name", "Renamed call"), ("DurationMinutes", "45"), ("WindowKind", "CalendarDays"), ("BookingWindowDays", "30"));

        Assert.Contains("error=stale", staleVersion, StringComparison.Ordinal);
        Assert.Contains("done=saved", edited, StringComparison.Ordinal);
        stored = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/meeting-types/{code}");
        Assert.Equal("Renamed call", stored.GetProperty("name").GetString());
        Assert.False(stored.GetProperty("active").GetBoolean()); // the box left unticked retires it
        Assert.Contains("Renamed call", await browser.GetStringAsync($"/scheduling/meeting-types?code={code}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_SetsConfirmationTeamAssignmentAndSchedule_ThroughTheForm()
    {
        var admin = await factory.CreateAdminClientAsync();
        using var browser = Browser(admin);
        var code = $"team-{Guid.NewGuid():N}"[..16];
        var token = AntiforgeryTokens.From(await browser.GetStringAsync("/scheduling/meeting-types?code=new"));

        var numberedAssignment = await PostAsync(browser, token, ("Code", code), ("Name", "Panel"), ("DurationMinutes", "60"), ("WindowKind", "CalendarDays"), ("Assignment", "1"));
        var created = await PostAsync(browser, token,
            ("Code", code), ("Name", "Panel"), ("DurationMinutes", "60"), ("WindowKind", "CalendarDays"), ("Active", "true"),
            ("RequiresConfirmation", "true"), ("PendingBlocks", "true"), ("ScheduleName", " Evenings "), ("Assignment", "Collective"));

        Assert.Contains("error=assignment", numberedAssignment, StringComparison.Ordinal);
        Assert.Contains("done=saved", created, StringComparison.Ordinal);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/meeting-types/{code}");
        Assert.True(stored.GetProperty("requiresConfirmation").GetBoolean());
        Assert.True(stored.GetProperty("pendingBlocks").GetBoolean());
        Assert.Equal("Evenings", stored.GetProperty("scheduleName").GetString());
        Assert.Equal("Collective", stored.GetProperty("assignment").GetString());
        var page = await browser.GetStringAsync($"/scheduling/meeting-types?code={code}");
        Assert.Contains("needs confirmation", page, StringComparison.Ordinal);
        Assert.Contains("All specialists together", page, StringComparison.Ordinal);
    }
}
