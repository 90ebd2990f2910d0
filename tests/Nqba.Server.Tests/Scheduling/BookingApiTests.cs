using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;

namespace Nqba.Server.Tests.Scheduling;

public sealed class BookingApiTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static object Booking(Guid specialistId, DateTimeOffset start, string type = "test-20", string email = "client@example.com") =>
        new { meetingType = type, start, specialistId, name = "Ada Client", email, timeZone = "America/New_York", language = "en", notes = "Interested in agents" };

    private static async Task<JsonElement> SlotsAsync(HttpClient client, Guid specialistId, string date, string timeZone = "Europe/Berlin", string type = "test-20")
    {
        var response = await client.GetAsync($"/api/scheduling/specialists/{specialistId}/slots?type={type}&from={date}&to={date}&timeZone={Uri.EscapeDataString(timeZone)}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("2027-03-08", "2027-03-08T03:00:00-05:00")] // New York on EST, Berlin on CET: 6 hours apart
    [InlineData("2027-03-15", "2027-03-15T04:00:00-04:00")] // New York already on EDT, Berlin still on CET: 5 hours
    [InlineData("2027-03-29", "2027-03-29T03:00:00-04:00")] // both on summer time: 6 hours again
    public async Task GetSlots_BerlinSpecialistSeenFromNewYork_FirstSlotIsBerlin0900InNewYorkTime(string date, string expectedFirst)
    {
        var specialist = await factory.CreateSpecialistAsync();

        var slots = await SlotsAsync(factory.CreateClient(), specialist, date, "America/New_York");

        Assert.Equal("America/New_York", slots.GetProperty("timeZone").GetString());
        var first = slots.GetProperty("slots")[0];
        Assert.Equal(DateTimeOffset.Parse(expectedFirst, System.Globalization.CultureInfo.InvariantCulture), first.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Parse(expectedFirst[^6..].Replace("+", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), first.GetProperty("start").GetDateTimeOffset().Offset);
    }

    [Fact]
    public async Task BookAUnit_RoundRobin_TheLeastRecentlyBookedSpecialistTakesTheNextMeeting()
    {
        var (unitId, unitCode) = await factory.CreateUnitAsync();
        var first = await factory.CreateSpecialistAsync(unit: unitId);
        var second = await factory.CreateSpecialistAsync(unit: unitId);
        var third = await factory.CreateSpecialistAsync(unit: unitId);
        var date = SchedulingFactory.Weekday(9);
        var client = factory.CreateClient();

        var hosts = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/scheduling/bookings", new
            {
                meetingType = "test-20",
                start = SchedulingFactory.Berlin(date, 9 + i),
                unitCode,
                name = "Ada Client",
                email = $"rr{i}@example.com",
                timeZone = "Europe/Berlin",
            });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            hosts.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("specialistId").GetGuid());
        }

        // Three free specialists take one meeting each; the fourth goes to whoever was booked longest ago: the first.
        Assert.Equal(new HashSet<Guid> { first, second, third }, hosts.Take(3).ToHashSet());
        Assert.Equal(hosts[0], hosts[3]);
    }

    [Fact]
    public async Task Book_SameSlotTwice_SecondIsAConflictAndTheSlotDisappears()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var date = SchedulingFactory.Weekday(8);
        var start = SchedulingFactory.Berlin(date, 10);
        var client = factory.CreateClient();

        var first = await client.PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, start));
        var second = await client.PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, start, email: "other@example.com"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var booked = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(start, booked.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(date.Month is >= 4 and <= 10 ? -4 : -5), booked.GetProperty("start").GetDateTimeOffset().Offset);
        Assert.StartsWith("https://meet.jit.si/nqba-", booked.GetProperty("videoUrl").GetString(), StringComparison.Ordinal);
        var starts = (await SlotsAsync(client, specialist, date.ToString("yyyy-MM-dd", null)))
            .GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ToList();
        // 10:00–10:20 with 5-minute buffers: nothing from 09:40 (ends 10:00) to 10:20 (starts in the buffer).
        Assert.Contains(start.AddMinutes(-25), starts);
        Assert.DoesNotContain(starts, s => s > start.AddMinutes(-25) && s < start.AddMinutes(25));
        Assert.Contains(start.AddMinutes(25), starts);
    }

    [Fact]
    public async Task Book_FiftyParallelRequestsForOneSlot_ExactlyOneBooking()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(9), 11);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, start, email: $"racer{i}@example.com"))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        Assert.Equal(1, await db.Bookings.CountAsync(b => b.SpecialistId == specialist && b.Status == BookingStatus.Booked));
    }

    [Fact]
    public async Task Hold_ThenBookWithItsToken_OthersGetAConflictWhileHeld()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(10), 14);
        var client = factory.CreateClient();

        var hold = await client.PostAsJsonAsync("/api/scheduling/holds", new { meetingType = "test-20", start, specialistId = specialist });
        var rival = await client.PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, start, email: "rival@example.com"));
        var token = (await hold.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("holdToken").GetString();
        var booked = await client.PostAsJsonAsync("/api/scheduling/bookings", new { name = "Ada Client", email = "ada@example.com", holdToken = token, timeZone = "Europe/Berlin" });

        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rival.StatusCode);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await booked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(start, booking.GetProperty("start").GetDateTimeOffset());
        Assert.Equal("Booked", booking.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ManageLink_RescheduleThenCancel_FreesTheTimeAndRaisesTheInviteSequence()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var date = SchedulingFactory.Weekday(11);
        var start = SchedulingFactory.Berlin(date, 9);
        var client = factory.CreateClient();
        var created = await (await client.PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, start))).Content.ReadFromJsonAsync<JsonElement>();
        var token = Uri.EscapeDataString(created.GetProperty("manageToken").GetString()!);

        var moved = await client.PostAsJsonAsync($"/api/scheduling/manage/{token}/reschedule", new { start = start.AddHours(2) });
        var cancelled = await client.PostAsJsonAsync($"/api/scheduling/manage/{token}/cancel", new { reason = "Plans changed" });
        var ics = await client.GetStringAsync($"/api/scheduling/manage/{token}/invite.ics");
        var forged = await client.PostAsJsonAsync($"/api/scheduling/manage/{token}x/cancel", new { });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(1, (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sequence").GetInt32());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("METHOD:CANCEL", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2", ics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var starts = (await SlotsAsync(client, specialist, date.ToString("yyyy-MM-dd", null))).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Contains(start, starts);
        Assert.Contains(start.AddHours(2), starts);
    }

    [Fact]
    public async Task Invite_ParsesBackWithIcalNetAndAPlainReader_WithTheBookedUtcInstants()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(12), 15, 30);
        var client = factory.CreateClient();
        var created = await (await client.PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, start))).Content.ReadFromJsonAsync<JsonElement>();

        var ics = await client.GetStringAsync($"/api/scheduling/manage/{Uri.EscapeDataString(created.GetProperty("manageToken").GetString()!)}/invite.ics");

        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal("REQUEST", calendar.Method);
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal(start.UtcDateTime, meeting.DtStart!.AsUtc);
        Assert.Equal(start.AddMinutes(20).UtcDateTime, meeting.DtEnd!.AsUtc);
        Assert.Equal(0, meeting.Sequence);
        // A second, independent reading of the raw text (RFC 5545 §3.1 unfolding, §3.3.5 UTC form).
        var lines = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n");
        Assert.Contains($"DTSTART:{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", lines);
        Assert.Contains($"DTEND:{start.AddMinutes(20).UtcDateTime:yyyyMMdd'T'HHmmss'Z'}", lines);
        Assert.Contains(lines, l => l.StartsWith("ATTENDEE", StringComparison.Ordinal) && l.EndsWith("mailto:client@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Book_InvalidInput_ProblemNamesTheFields()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var client = factory.CreateClient();

        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(8), 10);
        var badEmail = await client.PostAsJsonAsync("/api/scheduling/bookings", new { meetingType = "test-20", start, specialistId = specialist, name = "A", email = "not-an-address" });
        var badZone = await client.PostAsJsonAsync("/api/scheduling/bookings", new { meetingType = "test-20", start, specialistId = specialist, name = "A", email = "a@example.com", timeZone = "Mars/Olympus" });
        var slots = await client.GetAsync($"/api/scheduling/specialists/{specialist}/slots?type=nope&from=2026-13-01&to=2026-12-01");

        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Contains((await badEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject(), e => e.Name.Equals("email", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.BadRequest, badZone.StatusCode);
        Assert.True((await badZone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("timeZone", out _));
        Assert.Equal(HttpStatusCode.BadRequest, slots.StatusCode);
        var slotErrors = (await slots.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(slotErrors.TryGetProperty("type", out _));
        Assert.True(slotErrors.TryGetProperty("from", out _));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Bookings.AnyAsync(b => b.SpecialistId == specialist));
    }

    [Fact]
    public async Task Book_ConfirmationEmail_GoesToClientAndSpecialistWithTheInvite()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var email = $"mail-{Guid.NewGuid():N}@example.com";
        var response = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, SchedulingFactory.Berlin(SchedulingFactory.Weekday(13), 16), email: email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // The e-mail is sent from the event log after commit.
        var message = Assert.Single(await factory.MailsWithAsync(email), t => t.Contains("Meeting confirmed", StringComparison.Ordinal));
        Assert.Contains("text/calendar", message, StringComparison.Ordinal);
        Assert.Contains("method=REQUEST", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ClientData_IsEncryptedAtRest()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var email = $"secret-{Guid.NewGuid():N}@example.com";
        var created = await (await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, SchedulingFactory.Berlin(SchedulingFactory.Weekday(14), 10), email: email))).Content.ReadFromJsonAsync<JsonElement>();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var id = created.GetProperty("id").GetGuid();
        var raw = await db.Bookings.Where(b => b.Id == id).Select(b => new { b.ClientEmail, b.ClientName }).SingleAsync();

        Assert.StartsWith("enc1:", raw.ClientEmail, StringComparison.Ordinal);
        Assert.StartsWith("enc1:", raw.ClientName, StringComparison.Ordinal);
        Assert.Equal(email, (await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id)).ClientEmail);
    }
}
