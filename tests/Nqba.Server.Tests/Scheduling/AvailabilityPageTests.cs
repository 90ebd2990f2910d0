using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>The availability page: a specialist's own schedule and date overrides edited through its forms.</summary>
public sealed partial class AvailabilityPageTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static async Task<(string Html, string Token)> OpenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return (html, AntiforgeryTokens.From(html));
    }

    /// <summary>A browser-like client of the same signed-in user that keeps its cookies (the anti-forgery one) and shows redirects.</summary>
    private HttpClient Browser(HttpClient signedIn)
    {
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return browser;
    }

    /// <summary>Posts a form and returns where the page sends the browser back (decoded).</summary>
    private static async Task<string> PostAsync(HttpClient client, string url, string token, params (string Key, string Value)[] fields)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(("__RequestVerificationToken", token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = WebUtility.UrlDecode(response.Headers.Location!.OriginalString);
        Assert.StartsWith("/scheduling/availability?", location, StringComparison.Ordinal);
        return location;
    }

    [Fact]
    public async Task Specialist_SeesTheirOwnPage_AndSavesAWeekWithALunchBreak_InTheirZone()
    {
        var email = $"av-{Guid.NewGuid():N}@nqba.test";
        var specialist = await factory.CreateSpecialistAsync(email: email);
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Specialist);
        using var client = Browser(await factory.CreateClientForAsync(email, password, await factory.EnableTotpAsync(email)));

        var (html, token) = await OpenAsync(client, "/scheduling/availability");

        Assert.Contains("data-testid=\"follows-region\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{specialist}\" selected", html, StringComparison.Ordinal); // their own, without choosing
        var query = await PostAsync(client, $"/scheduling/availability/{specialist}/schedule", token,
            ("Name", "Working hours"), ("TimeZone", "America/Chicago"), ("MakeDefault", "true"),
            ("Week[0].Day", "1"), ("Week[0].Opens", "09:00"), ("Week[0].Closes", "12:00"),
            ("Week[1].Day", "1"), ("Week[1].Opens", "13:00"), ("Week[1].Closes", "17:00"),
            ("Week[2].Day", "1"), ("Week[2].Opens", string.Empty), ("Week[2].Closes", string.Empty));

        Assert.Contains("done=saved", query, StringComparison.Ordinal);
        var admin = await factory.CreateAdminClientAsync();
        var stored = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/schedules")).EnumerateArray());
        Assert.True(stored.GetProperty("isDefault").GetBoolean());
        Assert.Equal("America/Chicago", stored.GetProperty("timeZone").GetString());
        Assert.Equal(["09:00:00-12:00:00", "13:00:00-17:00:00"], stored.GetProperty("week").EnumerateArray().Select(r => $"{r.GetProperty("opens").GetString()}-{r.GetProperty("closes").GetString()}"));
        var page = await client.GetStringAsync("/scheduling/availability");
        Assert.DoesNotContain("data-testid=\"follows-region\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"13:00\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadZone_ComesBackNamingTheField_AndAStaleVersionSaysSo_NothingWritten()
    {
        var admin = await factory.CreateAdminClientAsync();
        using var browser = Browser(admin);
        var specialist = await factory.CreateSpecialistAsync();
        var url = $"/scheduling/availability?specialist={specialist}";
        var (_, token) = await OpenAsync(browser, url);

        var badZone = await PostAsync(browser, $"/scheduling/availability/{specialist}/schedule", token,
            ("Name", "Hours"), ("TimeZone", "Europe/Atlantis"), ("Week[0].Day", "1"), ("Week[0].Opens", "09:00"), ("Week[0].Closes", "17:00"));
        var badRow = await PostAsync(browser, $"/scheduling/availability/{specialist}/schedule", token,
            ("Name", "Hours"), ("TimeZone", "UTC"), ("Week[0].Day", "1"), ("Week[0].Opens", "9am"), ("Week[0].Closes", "17:00"));

        Assert.Contains("error=timeZone", badZone, StringComparison.Ordinal);
        Assert.Contains("error=week[0]", badRow, StringComparison.Ordinal);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/schedules")).GetArrayLength());
        var shown = await admin.GetStringAsync($"{url}&error=timeZone");
        Assert.Contains("role=\"alert\"", shown, StringComparison.Ordinal);
        Assert.Contains("timeZone", shown, StringComparison.Ordinal);

        var saved = await PostAsync(browser, $"/scheduling/availability/{specialist}/schedule", token,
            ("Name", "Hours"), ("TimeZone", "UTC"), ("Week[0].Day", "1"), ("Week[0].Opens", "09:00"), ("Week[0].Closes", "17:00"));
        var id = Regex.Match(saved, "schedule=([0-9a-f-]+)").Groups[1].Value;
        await PostAsync(browser, $"/scheduling/availability/{specialist}/schedule", token,
            ("ScheduleId", id), ("Version", "0"), ("Name", "Hours"), ("TimeZone", "UTC"), ("Week[0].Day", "2"), ("Week[0].Opens", "09:00"), ("Week[0].Closes", "17:00"));
        var stale = await PostAsync(browser, $"/scheduling/availability/{specialist}/schedule", token,
            ("ScheduleId", id), ("Version", "0"), ("Name", "Hours"), ("TimeZone", "UTC"), ("Week[0].Day", "3"), ("Week[0].Opens", "09:00"), ("Week[0].Closes", "17:00"));

        Assert.Contains("error=stale", stale, StringComparison.Ordinal);
        var week = (await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/schedules"))[0].GetProperty("week");
        Assert.Equal(2, Assert.Single(week.EnumerateArray()).GetProperty("day").GetInt32());
    }

    [Fact]
    public async Task OverrideForm_TakesSeveralRangesOrUnavailable_RefusesGibberish_AndRemoves()
    {
        var admin = await factory.CreateAdminClientAsync();
        using var browser = Browser(admin);
        var specialist = await factory.CreateSpecialistAsync();
        var (_, token) = await OpenAsync(browser, $"/scheduling/availability?specialist={specialist}");
        var url = $"/scheduling/availability/{specialist}/overrides";

        var split = await PostAsync(browser, url, token, ("Date", "2027-04-05"), ("Ranges", "15:00-16:00, 9:00–10:30"), ("Note", "Dentist"));
        var off = await PostAsync(browser, url, token, ("Date", "2027-04-06"), ("Unavailable", "true"));
        var gibberish = await PostAsync(browser, url, token, ("Date", "2027-04-07"), ("Ranges", "nine to five"));
        var noDate = await PostAsync(browser, url, token, ("Date", "next week"), ("Ranges", "09:00-10:00"));

        Assert.Contains("done=override", split, StringComparison.Ordinal);
        Assert.Contains("done=override", off, StringComparison.Ordinal);
        Assert.Contains("error=ranges", gibberish, StringComparison.Ordinal);
        Assert.Contains("error=date", noDate, StringComparison.Ordinal);
        var stored = (await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/overrides")).EnumerateArray().ToList();
        Assert.Equal(["2027-04-05", "2027-04-06"], stored.Select(o => o.GetProperty("date").GetString()));
        Assert.Equal(["09:00:00", "15:00:00"], stored[0].GetProperty("ranges").EnumerateArray().Select(r => r.GetProperty("opens").GetString()));
        Assert.Equal(0, stored[1].GetProperty("ranges").GetArrayLength());

        var removed = await PostAsync(browser, $"{url}/2027-04-06/delete", token);

        Assert.Contains("done=removed", removed, StringComparison.Ordinal);
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/overrides")).EnumerateArray());
    }
}
