using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>Business calendars through the API, as staff would edit them: weeks with breaks, holidays, regions following a calendar.</summary>
public sealed class CalendarApiTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private static Interval[] Week(params (int Day, string Opens, string Closes)[] intervals) =>
        [.. intervals.Select(i => new Interval(i.Day, i.Opens, i.Closes))];

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Create_AWeekWithALunchBreak_IsKept_AndTheETagIsItsVersion()
    {
        var admin = await factory.CreateAdminClientAsync();

        var created = await admin.PostAsJsonAsync("/api/company/calendars", new
        {
            code = "support-emea",
            name = "Support EMEA",
            timeZone = "Europe/Berlin",
            week = Week((1, "13:00", "17:00"), (1, "09:00", "12:00"), (6, "10:00", "00:00")),
        });
        var body = await ReadAsync(created);
        var read = await admin.GetAsync("/api/company/calendars/support-emea");

        Assert.True(created.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var week = body.GetProperty("week").EnumerateArray().Select(w => (w.GetProperty("day").GetInt32(), w.GetProperty("opens").GetString(), w.GetProperty("closes").GetString())).ToList();
        Assert.Equal([(1, "09:00:00", "12:00:00"), (1, "13:00:00", "17:00:00"), (6, "10:00:00", "23:59:59.9999999")], week);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
    }

    [Theory]
    [InlineData(1, "09:00", "08:00", "week[0].closes")]
    [InlineData(8, "09:00", "17:00", "week[0].day")]
    public async Task Create_ABadInterval_Returns400NamingIt_AndWritesNothing(int day, string opens, string closes, string field)
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = "bad-" + field.Replace('[', '-').Replace("].", "-", StringComparison.Ordinal);

        var response = await admin.PostAsJsonAsync("/api/company/calendars", new { code, name = "Bad", timeZone = "Europe/Berlin", week = Week((day, opens, closes)) });
        var problem = await ReadAsync(response);
        var read = await admin.GetAsync($"/api/company/calendars/{code}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Create_OverlappingIntervalsOnOneDay_Returns400()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/company/calendars", new { code = "overlap", name = "Overlap", timeZone = "Europe/Berlin", week = Week((2, "09:00", "13:00"), (2, "12:00", "17:00")) });
        var problem = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("week[", StringComparison.Ordinal) && e.Name.EndsWith(".opens", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_WithAStaleIfMatch_Returns412_AndTwoParallelUpdatesOfOneVersion_LetExactlyOneWin()
    {
        var admin = await factory.CreateAdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/company/calendars", new { code = "race", name = "Race", timeZone = "Etc/UTC", week = Week((1, "09:00", "17:00")) });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        for (var round = 1; round <= 15; round++)
        {
            var tag = $"\"{round}\"";
            var updates = Enumerable.Range(0, 2).Select(i =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, "/api/company/calendars/race")
                {
                    Content = JsonContent.Create(new { name = $"Race {round}-{i}", timeZone = "Etc/UTC", week = Week((1 + i, "09:00", "17:00")) }),
                };
                request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(tag));
                return admin.SendAsync(request);
            });
            var results = await Task.WhenAll(updates);
            var calendar = await admin.GetFromJsonAsync<JsonElement>("/api/company/calendars/race");

            Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
            Assert.Equal(round + 1, calendar.GetProperty("version").GetInt32());
            Assert.Single(calendar.GetProperty("week").EnumerateArray()); // one writer's week whole, never a mix
        }

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/company/calendars/race") { Content = JsonContent.Create(new { name = "Late", timeZone = "Etc/UTC", week = Week() }) };
        stale.Headers.IfMatch.Add(EntityTagHeaderValue.Parse("\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task ARegion_FollowsTheCalendarItIsPointedAt_AndAFollowedCalendarCannotBeDeleted()
    {
        var admin = await factory.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/company/calendars", new { code = "apac-short", name = "APAC short week", timeZone = "Asia/Tokyo", week = Week((1, "10:00", "15:00"), (2, "10:00", "15:00")) })).StatusCode);
        var holiday = await admin.PostAsJsonAsync("/api/company/calendars/apac-short/holidays", new { date = "2026-12-31", name = "Year end", yearly = true });
        var off = await admin.PostAsJsonAsync("/api/company/calendars/apac-short/holidays", new { date = "2026-12-29", name = "Maybe", active = false });

        var pointed = await admin.PutAsJsonAsync("/api/company/regions/apac/calendar", new { calendar = "apac-short" });
        var regions = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/regions");
        var apac = regions!.Single(r => r.GetProperty("code").GetString() == "apac");
        var refused = await admin.DeleteAsync("/api/company/calendars/apac-short");
        var listed = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/regions/apac/holidays");
        var back = await admin.PutAsJsonAsync("/api/company/regions/apac/calendar", new { calendar = "apac" });
        var deleted = await admin.DeleteAsync("/api/company/calendars/apac-short");

        Assert.Equal(HttpStatusCode.OK, holiday.StatusCode);
        Assert.True((await ReadAsync(holiday)).GetProperty("yearly").GetBoolean());
        Assert.False((await ReadAsync(off)).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, pointed.StatusCode);
        Assert.Equal("apac-short", apac.GetProperty("calendar").GetString());
        Assert.Equal(["10:00:00", "10:00:00"], apac.GetProperty("week").EnumerateArray().Select(w => w.GetProperty("opens").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["Maybe", "Year end"], listed!.Select(h => h.GetProperty("name").GetString()).Order());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private sealed record Interval(int Day, string Opens, string Closes);
}
