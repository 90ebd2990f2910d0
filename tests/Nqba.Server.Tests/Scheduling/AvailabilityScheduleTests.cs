using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>Specialists' own availability schedules and date overrides (Cal.com's model), through the API.</summary>
public sealed class AvailabilityScheduleTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Monday at least three weeks ahead that is a workday in the demo regions, with a workday after it.</summary>
    private static LocalDate Monday()
    {
        var date = SchedulingFactory.Weekday(21);
        while (date.DayOfWeek != IsoDayOfWeek.Monday || !SchedulingFactory.IsWorkday(date) || !SchedulingFactory.IsWorkday(date.PlusDays(1)))
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    private static async Task<List<LocalDateTime>> SlotStartsAsync(HttpClient client, Guid specialist, LocalDate from, LocalDate to, string zone = "America/New_York")
    {
        var response = await client.GetAsync($"/api/scheduling/specialists/{specialist}/slots?type=test-20&from={Iso(from)}&to={Iso(to)}&timeZone={Uri.EscapeDataString(zone)}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var tz = DateTimeZoneProviders.Tzdb[zone];
        return [.. body.GetProperty("slots").EnumerateArray().Select(s => Instant.FromDateTimeOffset(s.GetProperty("start").GetDateTimeOffset()).InZone(tz).LocalDateTime)];
    }

    private static object Range(int day, string opens, string closes) => new { day, opens, closes };

    private static async Task<JsonElement> CreateAsync(HttpClient admin, Guid specialist, object body)
    {
        var response = await admin.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/schedules", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient admin, Guid specialist) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/schedules")).EnumerateArray()];

    [Fact]
    public async Task OwnSchedule_InNewYork_WithABreakAndARangePastMidnight_DecidesTheSlots()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync(); // region Europe (Berlin, 09–17): the schedule replaces it
        var monday = Monday();

        var created = await CreateAsync(admin, specialist, new
        {
            name = "Late shift",
            timeZone = "America/New_York",
            week = new[] { Range(1, "09:00", "12:00"), Range(1, "13:00", "15:00"), Range(1, "22:00", "02:00") },
        });

        Assert.True(created.GetProperty("isDefault").GetBoolean()); // the first schedule is the default
        var starts = await SlotStartsAsync(factory.CreateClient(), specialist, monday, monday.PlusDays(1));
        Assert.Equal(monday + new LocalTime(9, 0), starts[0]);
        Assert.Contains(monday + new LocalTime(11, 40), starts); // ends 12:00
        Assert.DoesNotContain(starts, s => s.Date == monday && s.TimeOfDay > new LocalTime(11, 40) && s.TimeOfDay < new LocalTime(13, 0));
        Assert.Contains(monday + new LocalTime(14, 40), starts);
        Assert.Contains(monday + new LocalTime(23, 50), starts); // runs over midnight as one window
        Assert.Equal(monday.PlusDays(1) + new LocalTime(1, 40), starts[^1]); // the last that ends by 02:00
        Assert.DoesNotContain(starts, s => s.Date == monday.PlusDays(1) && s.TimeOfDay >= new LocalTime(9, 0)); // Tuesday has no range
    }

    [Fact]
    public async Task AnotherDefault_TakesOver_AndTheDefaultCannotBeDeletedWhileAnotherExists()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();
        var monday = Monday();
        var first = await CreateAsync(admin, specialist, new { name = "Mornings", timeZone = "America/New_York", week = new[] { Range(1, "08:00", "10:00") } });

        var second = await CreateAsync(admin, specialist, new { name = "Afternoons", timeZone = "America/New_York", isDefault = true, week = new[] { Range(1, "14:00", "16:00") } });

        var schedules = await ListAsync(admin, specialist);
        Assert.Equal(["Afternoons", "Mornings"], schedules.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([true, false], schedules.Select(s => s.GetProperty("isDefault").GetBoolean()));
        var starts = await SlotStartsAsync(factory.CreateClient(), specialist, monday, monday);
        Assert.Equal(monday + new LocalTime(14, 0), starts[0]);
        Assert.Equal(monday + new LocalTime(15, 40), starts[^1]);

        var refused = await admin.DeleteAsync($"/api/scheduling/specialists/{specialist}/schedules/{second.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var deleted = await admin.DeleteAsync($"/api/scheduling/specialists/{specialist}/schedules/{first.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Single(await ListAsync(admin, specialist));
    }

    [Fact]
    public async Task BadSchedule_Is400NamingTheField_AndWritesNothing()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();

        var badZone = await admin.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/schedules", new { name = "X", timeZone = "Mars/Olympus", week = new[] { Range(1, "09:00", "17:00") } });
        var overlapPastMidnight = await admin.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/schedules", new { name = "Y", timeZone = "UTC", week = new[] { Range(1, "22:00", "02:00"), Range(2, "01:00", "03:00") } });
        var sundayIntoMonday = await admin.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/schedules", new { name = "Z", timeZone = "UTC", week = new[] { Range(1, "00:30", "03:00"), Range(7, "23:00", "01:00") } });
        var badDay = await admin.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/schedules", new { name = "W", timeZone = "UTC", week = new[] { Range(8, "09:00", "10:00") } });

        foreach (var (response, field) in new[] { (badZone, "timeZone"), (overlapPastMidnight, "week[1].opens"), (sundayIntoMonday, "week[0].opens"), (badDay, "week[0].day") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {problem}");
        }

        Assert.Empty(await ListAsync(admin, specialist));
    }

    [Fact]
    public async Task StaleIfMatch_Is412_AndTheScheduleStays()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();
        var created = await CreateAsync(admin, specialist, new { name = "Hours", timeZone = "UTC", week = new[] { Range(1, "09:00", "17:00") } });
        var url = $"/api/scheduling/specialists/{specialist}/schedules/{created.GetProperty("id").GetGuid()}";
        var fresh = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, url)
        {
            Headers = { { "If-Match", "\"0\"" } },
            Content = JsonContent.Create(new { name = "Hours", timeZone = "UTC", week = new[] { Range(1, "10:00", "17:00") } }),
        });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("\"1\"", fresh.Headers.ETag?.Tag);

        var stale = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Put, url)
        {
            Headers = { { "If-Match", "\"0\"" } },
            Content = JsonContent.Create(new { name = "Hours", timeZone = "UTC", week = new[] { Range(1, "11:00", "17:00") } }),
        });

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var stored = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("10:00:00", stored.GetProperty("week")[0].GetProperty("opens").GetString());
    }

    [Fact]
    public async Task DateOverride_WithSeveralRanges_OrNone_ReplacesTheWeek_UntilRemoved()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();
        var monday = Monday();
        await CreateAsync(admin, specialist, new { name = "Hours", timeZone = "America/New_York", week = new[] { Range(1, "09:00", "17:00"), Range(2, "09:00", "17:00") } });
        var url = $"/api/scheduling/specialists/{specialist}/overrides";

        var split = await admin.PutAsJsonAsync(url, new { date = Iso(monday), ranges = new[] { new { opens = "15:00", closes = "16:00" }, new { opens = "08:00", closes = "09:00" } } });
        var off = await admin.PutAsJsonAsync(url, new { date = Iso(monday.PlusDays(1)), ranges = Array.Empty<object>() });

        Assert.True(split.IsSuccessStatusCode, await split.Content.ReadAsStringAsync());
        Assert.True(off.IsSuccessStatusCode, await off.Content.ReadAsStringAsync());
        var starts = await SlotStartsAsync(factory.CreateClient(), specialist, monday, monday.PlusDays(1));
        Assert.All(starts, s => Assert.Equal(monday, s.Date));
        Assert.Equal(monday + new LocalTime(8, 0), starts[0]);
        Assert.Contains(monday + new LocalTime(8, 40), starts);
        Assert.DoesNotContain(starts, s => s.TimeOfDay > new LocalTime(8, 40) && s.TimeOfDay < new LocalTime(15, 0));
        Assert.Equal(monday + new LocalTime(15, 40), starts[^1]);
        var listed = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(["08:00:00", "15:00:00"], listed[0].GetProperty("ranges").EnumerateArray().Select(r => r.GetProperty("opens").GetString()));
        Assert.Equal(0, listed[1].GetProperty("ranges").GetArrayLength());

        var removed = await admin.DeleteAsync($"{url}/{Iso(monday.PlusDays(1))}");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var tuesday = await SlotStartsAsync(factory.CreateClient(), specialist, monday.PlusDays(1), monday.PlusDays(1));
        Assert.Equal(monday.PlusDays(1) + new LocalTime(9, 0), tuesday[0]);
    }

    [Fact]
    public async Task BadOverride_Is400NamingTheRange()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();
        var url = $"/api/scheduling/specialists/{specialist}/overrides";

        var missing = await admin.PutAsJsonAsync(url, new { date = "2027-02-01", ranges = new[] { new { opens = "09:00", closes = (string?)null } } });
        var overlapping = await admin.PutAsJsonAsync(url, new { date = "2027-02-01", ranges = new[] { new { opens = "09:00", closes = "12:00" }, new { opens = "11:00", closes = "13:00" } } });
        var badDate = await admin.DeleteAsync($"{url}/tomorrow");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("ranges[0]", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("\"ranges\"", await overlapping.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>(url)).GetArrayLength());
    }

    [Fact]
    public async Task TwoWritersMakingDifferentSchedulesTheDefault_LeaveExactlyOneDefault_EveryRound()
    {
        var admin = await factory.CreateAdminClientAsync();
        var other = await factory.CreateAdminClientAsync();
        for (var round = 0; round < 15; round++)
        {
            var specialist = await factory.CreateSpecialistAsync();
            await CreateAsync(admin, specialist, new { name = "Base", timeZone = "UTC", week = new[] { Range(1, "09:00", "17:00") } });
            var a = await CreateAsync(admin, specialist, new { name = "A", timeZone = "UTC", week = new[] { Range(2, "09:00", "17:00") } });
            var b = await CreateAsync(admin, specialist, new { name = "B", timeZone = "UTC", week = new[] { Range(3, "09:00", "17:00") } });

            var results = await Task.WhenAll(
                admin.PutAsJsonAsync($"/api/scheduling/specialists/{specialist}/schedules/{a.GetProperty("id").GetGuid()}", new { name = "A", timeZone = "UTC", isDefault = true, week = new[] { Range(2, "09:00", "17:00") } }),
                other.PutAsJsonAsync($"/api/scheduling/specialists/{specialist}/schedules/{b.GetProperty("id").GetGuid()}", new { name = "B", timeZone = "UTC", isDefault = true, week = new[] { Range(3, "09:00", "17:00") } }));

            Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed, $"round {round}: {r.StatusCode}"));
            var winners = results.Count(r => r.StatusCode == HttpStatusCode.OK);
            Assert.InRange(winners, 1, 2);
            var defaults = (await ListAsync(admin, specialist)).Where(s => s.GetProperty("isDefault").GetBoolean()).Select(s => s.GetProperty("name").GetString()).ToList();
            var only = Assert.Single(defaults);
            Assert.True(only is "A" or "B", only);
        }
    }

    [Fact]
    public async Task TwoWritersOfOneDate_NeverMixTheirRanges_EveryRound()
    {
        var admin = await factory.CreateAdminClientAsync();
        var other = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();
        var url = $"/api/scheduling/specialists/{specialist}/overrides";
        var morning = new[] { new { opens = "08:00", closes = "09:00" }, new { opens = "10:00", closes = "11:00" } };
        var evening = new[] { new { opens = "18:00", closes = "19:00" }, new { opens = "20:00", closes = "21:00" }, new { opens = "22:00", closes = "23:00" } };
        for (var round = 0; round < 15; round++)
        {
            var date = Iso(new LocalDate(2027, 3, 1).PlusDays(round % 3)); // some rounds create the date, some replace it

            var results = await Task.WhenAll(admin.PutAsJsonAsync(url, new { date, ranges = morning }), other.PutAsJsonAsync(url, new { date, ranges = evening }));

            Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var stored = (await admin.GetFromJsonAsync<JsonElement>(url)).EnumerateArray().Where(o => o.GetProperty("date").GetString() == date).ToList();
            var opens = Assert.Single(stored).GetProperty("ranges").EnumerateArray().Select(r => r.GetProperty("opens").GetString()![..5]).ToList();
            Assert.True(opens.SequenceEqual(morning.Select(m => m.opens)) || opens.SequenceEqual(evening.Select(e => e.opens)), $"round {round}: mixed {string.Join(",", opens)}");
        }
    }
}

/// <summary>A region's calendar with a lunch break closes the booking slots over lunch (its own server: it edits a demo calendar).</summary>
public sealed class RegionCalendarSlotsTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    [Fact]
    public async Task RegionCalendarWithALunchBreak_OffersNoSlotOverLunch()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync(); // follows the "europe" calendar
        var calendar = await admin.GetFromJsonAsync<JsonElement>("/api/company/calendars/europe");
        var week = Enumerable.Range(1, 5).SelectMany(d => new[] { new { day = d, opens = "09:00", closes = "12:00" }, new { day = d, opens = "13:00", closes = "17:00" } }).ToArray();
        var changed = await admin.PutAsJsonAsync("/api/company/calendars/europe", new { name = calendar.GetProperty("name").GetString(), timeZone = "Europe/Berlin", week });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        var date = SchedulingFactory.Weekday(10);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var response = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/slots?type=test-20&from={day}&to={day}&timeZone=Europe/Berlin");

        var starts = response.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal(SchedulingFactory.Berlin(date, 9), starts[0]);
        Assert.Contains(SchedulingFactory.Berlin(date, 11, 40), starts);
        Assert.DoesNotContain(starts, s => s > SchedulingFactory.Berlin(date, 11, 40) && s < SchedulingFactory.Berlin(date, 13));
        Assert.Contains(SchedulingFactory.Berlin(date, 13), starts);
        Assert.Equal(SchedulingFactory.Berlin(date, 16, 40), starts[^1]);
    }
}
