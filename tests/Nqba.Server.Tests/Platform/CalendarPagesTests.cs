using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>
/// The staff pages for business calendars, driven as a browser would: the page's forms posted with their anti-forgery
/// token, and what the calendar API then reads back.
/// </summary>
public sealed partial class CalendarPagesTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private static readonly (int Day, string Opens, string Closes)[] NineToFive = [(1, "09:00", "17:00"), (2, "09:00", "17:00")];

    [Fact]
    public async Task CreateForm_ThenSaveForm_KeepsALunchBreak_AndRedirectsToThePage()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = NewCode();

        var created = await PostAsync(admin, "/company/calendars", "calendar-new", ("New.Code", code), ("New.Name", "Page EMEA"), ("New.TimeZone", "Europe/Berlin"));
        var saved = await PostAsync(admin, $"/company/calendars/{code}", "calendar", CalendarFields(1, "Page EMEA", "Europe/Berlin", (1, "09:00", "12:00"), (1, "13:00", "17:00"), (5, "09:00", "00:00")));
        var calendar = await admin.GetFromJsonAsync<JsonElement>($"/api/company/calendars/{code}");

        Assert.Equal(HttpStatusCode.OK, created.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.Response.StatusCode);
        Assert.EndsWith($"/company/calendars/{code}?done=saved", Location, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"calendar-done\"", saved.Html, StringComparison.Ordinal);
        // Until midnight is the day's last instant; PostgreSQL keeps it to the microsecond, so seconds are compared.
        Assert.Equal(
            [(1, "09:00:00", "12:00:00"), (1, "13:00:00", "17:00:00"), (5, "09:00:00", "23:59:59")],
            calendar.GetProperty("week").EnumerateArray().Select(w => (w.GetProperty("day").GetInt32(), w.GetProperty("opens").GetString(), w.GetProperty("closes").GetString()![..8])));
        Assert.Equal(2, calendar.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task HolidayForms_AddYearlyAndInactive_ThenDeactivateAndDelete_AreStored()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = await CreateAsync(admin);

        var yearly = await PostAsync(admin, $"/company/calendars/{code}", "holiday-add", ("Holiday.Date", "2026-12-24"), ("Holiday.Name", "Christmas Eve"), ("Holiday.Yearly", "true"), ("Holiday.Active", "true"));
        var inactive = await PostAsync(admin, $"/company/calendars/{code}", "holiday-add", ("Holiday.Date", "2026-12-31"), ("Holiday.Name", "Maybe closed"));
        var holidays = await HolidaysAsync(admin, code);
        var eve = holidays.Single(h => h.GetProperty("name").GetString() == "Christmas Eve");
        var maybe = holidays.Single(h => h.GetProperty("name").GetString() == "Maybe closed");
        var deactivated = await PostAsync(admin, $"/company/calendars/{code}", $"holiday-{eve.GetProperty("id").GetGuid()}", ("Action", "deactivate"));
        var deleted = await PostAsync(admin, $"/company/calendars/{code}", $"holiday-{maybe.GetProperty("id").GetGuid()}", ("Action", "delete"));
        var after = await HolidaysAsync(admin, code);

        Assert.Equal(HttpStatusCode.OK, yearly.Response.StatusCode);
        Assert.Contains("Christmas Eve", yearly.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, inactive.Response.StatusCode);
        Assert.True(eve.GetProperty("yearly").GetBoolean());
        Assert.True(eve.GetProperty("active").GetBoolean());
        Assert.False(maybe.GetProperty("yearly").GetBoolean());
        Assert.False(maybe.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, deactivated.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.Response.StatusCode);
        var left = Assert.Single(after);
        Assert.Equal("Christmas Eve", left.GetProperty("name").GetString());
        Assert.False(left.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task SaveForm_WithAStaleVersion_Is412_SaysSomeoneElseChangedIt_AndKeepsTheirChange()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = await CreateAsync(admin);
        var other = new HttpRequestMessage(HttpMethod.Put, $"/api/company/calendars/{code}")
        {
            Content = JsonContent.Create(new { name = "Changed elsewhere", timeZone = "Europe/Berlin", week = new[] { new { day = 3, opens = "08:00", closes = "16:00" } } }),
        };
        other.Headers.IfMatch.Add(EntityTagHeaderValue.Parse("\"1\""));
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(other)).StatusCode);

        var stale = await PostAsync(admin, $"/company/calendars/{code}", "calendar", CalendarFields(1, "Mine", "Europe/Berlin", (1, "09:00", "12:00")));
        var calendar = await admin.GetFromJsonAsync<JsonElement>($"/api/company/calendars/{code}");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Response.StatusCode);
        Assert.Contains("data-testid=\"calendar-stale\"", stale.Html, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this calendar since you opened it", stale.Html, StringComparison.Ordinal);
        Assert.Equal("Changed elsewhere", calendar.GetProperty("name").GetString());
        Assert.Equal(2, calendar.GetProperty("version").GetInt32());
        Assert.Equal(3, Assert.Single(calendar.GetProperty("week").EnumerateArray()).GetProperty("day").GetInt32());
    }

    [Fact]
    public async Task SaveForm_WithABadTimeZone_Is400_NamesTheField_KeepsTheInput_AndWritesNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = await CreateAsync(admin);

        var bad = await PostAsync(admin, $"/company/calendars/{code}", "calendar", CalendarFields(1, "Renamed", "Mars/Olympus_Mons", (1, "09:00", "12:00"), (1, "13:00", "17:00")));
        var calendar = await admin.GetFromJsonAsync<JsonElement>($"/api/company/calendars/{code}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Matches("<p class=\"field-error\" id=\"err-timeZone\" data-field=\"timeZone\">Time zone: Give an IANA time zone", bad.Html);
        Assert.Contains("aria-invalid=\"true\"", bad.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"Mars/Olympus_Mons\"", bad.Html, StringComparison.Ordinal);
        Assert.Equal("Page test", calendar.GetProperty("name").GetString());
        Assert.Equal("Europe/Berlin", calendar.GetProperty("timeZone").GetString());
        Assert.Equal(1, calendar.GetProperty("version").GetInt32());
        Assert.Equal(2, calendar.GetProperty("week").GetArrayLength());
    }

    [Fact]
    public async Task SaveForm_AnIntervalClosingBeforeItOpens_NamesItsRow()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = await CreateAsync(admin);

        // The blank second row is left out: the service's week[1] is the page's third row.
        var bad = await PostAsync(admin, $"/company/calendars/{code}", "calendar", CalendarFields(1, "Page test", "Europe/Berlin", (1, "09:00", "12:00"), (0, "", ""), (2, "17:00", "09:00")));

        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Contains("data-field=\"week[2].closes\">Row 3: closes: An interval closes after it opens", bad.Html, StringComparison.Ordinal);
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/api/company/calendars/{code}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task StaffWhoAreNotAdmins_SeeTheCalendars_WithoutEditControls_AndCannotPost()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = await CreateAsync(admin);
        var email = $"agent-{Guid.NewGuid():N}@calendars.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.SupportAgent);
        var agent = await factory.CreateClientForAsync(email, password, await factory.EnableTotpAsync(email));

        var list = await agent.GetAsync("/company/calendars");
        var listHtml = WebUtility.HtmlDecode(await list.Content.ReadAsStringAsync());
        var page = await agent.GetAsync($"/company/calendars/{code}");
        var pageHtml = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var token = Token(pageHtml);
        var post = await agent.PostAsync($"/company/calendars/{code}", Form("calendar", token, CalendarFields(1, "Agent was here", "Europe/Berlin")));
        var create = await agent.PostAsync("/company/calendars", Form("calendar-new", token, ("New.Code", NewCode()), ("New.Name", "Agent's"), ("New.TimeZone", "Europe/Berlin")));
        var calendar = await admin.GetFromJsonAsync<JsonElement>($"/api/company/calendars/{code}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains($"data-calendar=\"{code}\"", listHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"calendar-new\"", listHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"calendar-read-only\"", pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"calendar-form\"", pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"holiday-form\"", pageHtml, StringComparison.Ordinal);
        Assert.True(post.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{(int)post.StatusCode}");
        Assert.True(create.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, $"{(int)create.StatusCode}");
        Assert.Equal("Page test", calendar.GetProperty("name").GetString());
        Assert.Equal(1, calendar.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ImportForm_AnICalendarUpload_AddsItsHolidays()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = await CreateAsync(admin);
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:ny@test\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\nSUMMARY:New Year\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent("holiday-import"), "_handler" },
            { new StringContent("2027"), "Import.FromYear" },
            { new StringContent("2027"), "Import.ToYear" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ics)) { Headers = { ContentType = new MediaTypeHeaderValue("text/calendar") } }, "file", "holidays.ics" },
        };

        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var token = Token(WebUtility.HtmlDecode(await client.GetStringAsync($"/company/calendars/{code}")));
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var posted = await client.PostAsync($"/company/calendars/{code}", form);
        var response = await client.GetAsync(posted.Headers.Location);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var holidays = await HolidaysAsync(admin, code);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Import done: 1 added", html, StringComparison.Ordinal);
        Assert.Equal("New Year", Assert.Single(holidays).GetProperty("name").GetString());
    }

    private static string NewCode() => "page-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<string> CreateAsync(HttpClient admin)
    {
        var code = NewCode();
        var response = await admin.PostAsJsonAsync("/api/company/calendars", new
        {
            code,
            name = "Page test",
            timeZone = "Europe/Berlin",
            week = NineToFive.Select(w => new { day = w.Day, opens = w.Opens, closes = w.Closes }),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return code;
    }

    private static async Task<List<JsonElement>> HolidaysAsync(HttpClient client, string code) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/company/calendars/{code}")).GetProperty("holidays").EnumerateArray()];

    private static (string, string)[] CalendarFields(int version, string name, string zone, params (int Day, string Opens, string Closes)[] week) =>
    [
        ("Form.Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Form.Name", name),
        ("Form.TimeZone", zone),
        ("Form.Action", "save"),
        .. week.SelectMany((w, i) => new[]
        {
            ($"Form.Week[{i}].Day", w.Day == 0 ? string.Empty : w.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ($"Form.Week[{i}].Opens", w.Opens),
            ($"Form.Week[{i}].Closes", w.Closes),
        }),
    ];

    /// <summary>
    /// Reads the page for its anti-forgery token and posts the named form to it; a redirect (the page after a saved
    /// change) is followed by hand, as HttpClient drops the bearer token on redirects.
    /// </summary>
    private async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient signedIn, string path, string form, params (string, string)[] fields)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        var token = Token(WebUtility.HtmlDecode(await client.GetStringAsync(path)));
        var response = await client.PostAsync(path, Form(form, token, fields));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Location = response.Headers.Location!.OriginalString;
            response = await client.GetAsync(Location);
        }

        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Where the last form post redirected to.</summary>
    private string? Location { get; set; }

    private static FormUrlEncodedContent Form(string handler, string token, params (string Name, string Value)[] fields) =>
        new([new("_handler", handler), new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private static string Token(string html)
    {
        var token = AntiforgeryTokens.From(html);
        Assert.True(token.Length > 0, "the page has no anti-forgery token");
        return token;
    }
}
