using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Persistence;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>Meeting types (Cal.com's event types) edited through the API, and their rules as the slots and bookings follow them.</summary>
public sealed class MeetingTypeApiTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly int[] TwoLengths = [30, 60];

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private static async Task<JsonElement> CreateAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/scheduling/meeting-types", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<LocalDateTime>> StartsAsync(HttpClient client, Guid specialist, string type, LocalDate from, LocalDate to)
    {
        var response = await client.GetAsync($"/api/scheduling/specialists/{specialist}/slots?type={type}&from={Iso(from)}&to={Iso(to)}&timeZone=Europe%2FBerlin");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("slots").EnumerateArray().Select(s => Instant.FromDateTimeOffset(s.GetProperty("start").GetDateTimeOffset()).InZone(Berlin).LocalDateTime)];
    }

    private static object Booking(string type, Guid specialist, LocalDate date, int hour, int minute, string email) => new
    {
        meetingType = type,
        start = SchedulingFactory.Berlin(date, hour, minute),
        specialistId = specialist,
        name = "Ada Client",
        email,
        timeZone = "Europe/Berlin",
        language = "en",
    };

    [Fact]
    public async Task Created_ItsLengthIntervalAndOffsetDecideTheSlots_AndTheBookingPageListsIt()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = NewCode("intro");
        var specialist = await factory.CreateSpecialistAsync(); // Europe: 09:00–17:00 Berlin
        var day = SchedulingFactory.Weekday(10);

        var created = await CreateAsync(admin, new { code, name = "45-min introduction", durationMinutes = 45, slotStepMinutes = 15, startOffsetMinutes = 5, minimumNoticeMinutes = 0, bookingWindowDays = 365 });

        Assert.Equal(0, created.GetProperty("afterBufferMinutes").GetInt32());
        Assert.Equal("CalendarDays", created.GetProperty("windowKind").GetString());
        var listed = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/scheduling/meeting-types");
        Assert.Contains(listed.EnumerateArray(), t => t.GetProperty("code").GetString() == code);
        var starts = await StartsAsync(factory.CreateClient(), specialist, code, day, day);
        Assert.Equal(day + new LocalTime(9, 5), starts[0]); // Cal.com's offset start times
        Assert.Equal(day + new LocalTime(16, 5), starts[^1]); // the last that ends by 17:00
        Assert.All(starts, s => Assert.Equal(5, s.Minute % 15));
    }

    [Fact]
    public async Task BuffersAddUp_ABookedMeetingsAfterBufferPlusTheNextOnesBeforeBuffer()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = NewCode("buf");
        var specialist = await factory.CreateSpecialistAsync();
        var day = SchedulingFactory.Weekday(10);
        await CreateAsync(admin, new { code, name = "Buffered call", durationMinutes = 30, slotStepMinutes = 10, beforeBufferMinutes = 10, afterBufferMinutes = 20, minimumNoticeMinutes = 0, bookingWindowDays = 365 });

        var booked = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", Booking(code, specialist, day, 10, 0, "buffers@example.com"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var starts = await StartsAsync(factory.CreateClient(), specialist, code, day, day);

        // The meeting 10:00–10:30 keeps 10 minutes before it and 20 after; a new one keeps 20 after and 10 before itself.
        Assert.Contains(day + new LocalTime(9, 0), starts); // ends 09:30 = 10:00 − 10 − 20
        Assert.DoesNotContain(day + new LocalTime(9, 10), starts); // the larger buffer alone (20) would offer it
        Assert.DoesNotContain(day + new LocalTime(10, 50), starts); // ditto
        Assert.Contains(day + new LocalTime(11, 0), starts); // 10:30 + 20 + 10
        var between = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", Booking(code, specialist, day, 10, 50, "between@example.com"));
        Assert.Equal(HttpStatusCode.Conflict, between.StatusCode);
    }

    [Fact]
    public async Task DateRangeWindow_OffersOnlyItsDates()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = NewCode("range");
        var specialist = await factory.CreateSpecialistAsync();
        var first = SchedulingFactory.Weekday(12);
        var last = SchedulingFactory.WorkdayAfter(first);
        await CreateAsync(admin, new { code, name = "Launch week", durationMinutes = 60, minimumNoticeMinutes = 0, windowKind = "DateRange", windowStart = Iso(first), windowEnd = Iso(last) });

        var starts = await StartsAsync(factory.CreateClient(), specialist, code, first.PlusDays(-7), last.PlusDays(7));

        Assert.NotEmpty(starts);
        Assert.All(starts, s => Assert.InRange(s.Date, first, last));
        Assert.Contains(starts, s => s.Date == last);
    }

    [Fact]
    public async Task PerDayLimit_ParallelBookingsOfOneSpecialistsDay_ExactlyOneIsMade_EveryRound()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = NewCode("limit");
        await CreateAsync(admin, new { code, name = "Limited call", durationMinutes = 20, slotStepMinutes = 20, minimumNoticeMinutes = 0, bookingWindowDays = 365, maxPerDay = 1 });
        var day = SchedulingFactory.Weekday(9);

        for (var round = 0; round < 8; round++)
        {
            var specialist = await factory.CreateSpecialistAsync();
            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", Booking(code, specialist, day, 9 + i, 0, $"limit{round}-{i}@example.com"))));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            Assert.Equal(1, await db.Bookings.CountAsync(b => b.SpecialistId == specialist && b.MeetingTypeCode == code));
            Assert.Empty(await StartsAsync(factory.CreateClient(), specialist, code, day, day));
            Assert.NotEmpty(await StartsAsync(factory.CreateClient(), specialist, code, SchedulingFactory.WorkdayAfter(day), SchedulingFactory.WorkdayAfter(day)));
            Assert.NotEmpty(await StartsAsync(factory.CreateClient(), specialist, "test-20", day, day)); // other types do not count
        }
    }

    [Fact]
    public async Task BadRules_Get400NamingEachField_AndNothingIsWritten()
    {
        var admin = await factory.CreateAdminClientAsync();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/scheduling/meeting-types")).GetArrayLength();

        var response = await admin.PostAsJsonAsync("/api/scheduling/meeting-types", new
        {
            code = "Bad Code!",
            name = "",
            durationMinutes = 3,
            slotStepMinutes = 15,
            startOffsetMinutes = 15,
            maxPerDay = 5,
            maxPerWeek = 4,
            windowKind = "DateRange",
            windowStart = "2027-03-10",
            windowEnd = "2027-03-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "code", "name", "durationMinutes", "startOffsetMinutes", "maxPerWeek", "windowEnd" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/scheduling/meeting-types")).GetArrayLength());
        var unknownKind = await admin.PostAsJsonAsync("/api/scheduling/meeting-types", new { code = NewCode("kind"), name = "x", durationMinutes = 30, windowKind = "Forever" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
    }

    [Fact]
    public async Task TheSameCodeTwice_IsAConflict()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = NewCode("twice");
        await CreateAsync(admin, new { code, name = "First", durationMinutes = 30 });

        var again = await admin.PostAsJsonAsync("/api/scheduling/meeting-types", new { code, name = "Second", durationMinutes = 30 });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("First", (await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/meeting-types/{code}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task TwoEditorsOfOneVersion_ExactlyOneWins_EveryRound()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = NewCode("edit");
        await CreateAsync(admin, new { code, name = "Edited", durationMinutes = 30 });

        for (var round = 0; round < 10; round++)
        {
            var current = await admin.GetAsync($"/api/scheduling/meeting-types/{code}");
            var etag = current.Headers.ETag!;
            var responses = await Task.WhenAll(TwoLengths.Select(async length =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/scheduling/meeting-types/{code}")
                {
                    Content = JsonContent.Create(new { name = $"Edited {round}", durationMinutes = length }),
                };
                request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag.Tag));
                return await admin.SendAsync(request);
            }));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
            var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/meeting-types/{code}");
            Assert.Equal(round + 1, stored.GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task Retired_IsOfferedNoMore_AndComesBackWhenActiveAgain()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = NewCode("retire");
        var specialist = await factory.CreateSpecialistAsync();
        var day = SchedulingFactory.Weekday(10);
        await CreateAsync(admin, new { code, name = "Seasonal", durationMinutes = 30, minimumNoticeMinutes = 0, bookingWindowDays = 365 });

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/scheduling/meeting-types/{code}")).StatusCode);

        var slots = await factory.CreateClient().GetAsync($"/api/scheduling/specialists/{specialist}/slots?type={code}&from={Iso(day)}&to={Iso(day)}");
        Assert.Equal(HttpStatusCode.BadRequest, slots.StatusCode);
        Assert.DoesNotContain((await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/scheduling/meeting-types")).EnumerateArray(), t => t.GetProperty("code").GetString() == code);
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/meeting-types/{code}")).GetProperty("active").GetBoolean());
        var back = await admin.PutAsJsonAsync($"/api/scheduling/meeting-types/{code}", new { name = "Seasonal", durationMinutes = 30, minimumNoticeMinutes = 0, bookingWindowDays = 365, active = true });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.NotEmpty(await StartsAsync(factory.CreateClient(), specialist, code, day, day));
    }
}
