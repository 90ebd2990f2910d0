using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>
/// Meeting types that require confirmation (Cal.com's "requires confirmation"): bookings wait as Pending until staff
/// confirm or decline them; whether a waiting booking blocks its time is the type's choice; and a type that follows a
/// named availability schedule of its hosts.
/// </summary>
public sealed class BookingConfirmationTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private async Task<string> CreateTypeAsync(object rules)
    {
        var admin = await factory.CreateAdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/scheduling/meeting-types", rules);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private async Task<List<LocalDateTime>> StartsAsync(Guid specialist, string type, LocalDate day)
    {
        var response = await factory.CreateClient().GetAsync($"/api/scheduling/specialists/{specialist}/slots?type={type}&from={Iso(day)}&to={Iso(day)}&timeZone=Europe%2FBerlin");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("slots").EnumerateArray().Select(s => Instant.FromDateTimeOffset(s.GetProperty("start").GetDateTimeOffset()).InZone(Berlin).LocalDateTime)];
    }

    private Task<HttpResponseMessage> BookAsync(string type, Guid specialist, LocalDate day, int hour, string email) =>
        factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType = type,
            start = SchedulingFactory.Berlin(day, hour),
            specialistId = specialist,
            name = "Rita Requester",
            email,
            timeZone = "Europe/Berlin",
            language = "en",
        });

    private static async Task<Guid> IdAsync(HttpResponseMessage response) => (await CreatedAsync(response)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private Task<List<string>> MailsToAsync(string email) => factory.MailsWithAsync(email);

    [Fact]
    public async Task RequiresConfirmation_BookingWaits_ConfirmSendsTheInvite_TheOtherRequestForTheTimeIsRefusedAndDeclined()
    {
        var code = await CreateTypeAsync(new { code = NewCode("confirm"), name = "Partner call", durationMinutes = 30, minimumNoticeMinutes = 0, bookingWindowDays = 365, requiresConfirmation = true });
        var specialist = await factory.CreateSpecialistAsync();
        var day = SchedulingFactory.Weekday(11);
        var first = $"first-{Guid.NewGuid():N}@example.com";
        var second = $"second-{Guid.NewGuid():N}@example.com";

        var requested = await CreatedAsync(await BookAsync(code, specialist, day, 10, first));
        var firstId = requested.GetProperty("id").GetGuid();

        Assert.Equal("Pending", requested.GetProperty("status").GetString());
        // A waiting booking does not keep its time from others unless the type says so (Cal.com's default).
        Assert.Contains(day + new LocalTime(10, 0), await StartsAsync(specialist, code, day));
        var secondId = await IdAsync(await BookAsync(code, specialist, day, 10, second));
        var requestMail = Assert.Single(await MailsToAsync(first));
        Assert.Contains("Meeting requested", requestMail, StringComparison.Ordinal);
        Assert.DoesNotContain("text/calendar", requestMail, StringComparison.Ordinal); // no invite before it is confirmed

        var staff = await factory.CreateAdminClientAsync();
        var confirmed = await staff.PostAsync($"/api/scheduling/bookings/{firstId}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Booked", (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.DoesNotContain(day + new LocalTime(10, 0), await StartsAsync(specialist, code, day));
        var invite = Assert.Single(await MailsToAsync(first), m => m.Contains("Meeting confirmed", StringComparison.Ordinal));
        Assert.Contains("method=REQUEST", invite, StringComparison.OrdinalIgnoreCase);

        var clash = await staff.PostAsync($"/api/scheduling/bookings/{secondId}/confirm", null);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        var declined = await staff.PostAsJsonAsync($"/api/scheduling/bookings/{secondId}/decline", new { reason = "Time taken" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("Cancelled", (await declined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Contains(await MailsToAsync(second), m => m.Contains("Meeting request declined", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/scheduling/bookings/{secondId}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/scheduling/bookings/{firstId}/decline", null)).StatusCode);
    }

    [Fact]
    public async Task PendingBlocks_TheWaitingBookingKeepsItsTime()
    {
        var code = await CreateTypeAsync(new { code = NewCode("block"), name = "Blocking call", durationMinutes = 30, minimumNoticeMinutes = 0, bookingWindowDays = 365, requiresConfirmation = true, pendingBlocks = true });
        var specialist = await factory.CreateSpecialistAsync();
        var day = SchedulingFactory.Weekday(12);

        await IdAsync(await BookAsync(code, specialist, day, 11, $"hold-{Guid.NewGuid():N}@example.com"));

        Assert.DoesNotContain(day + new LocalTime(11, 0), await StartsAsync(specialist, code, day));
        Assert.Equal(HttpStatusCode.Conflict, (await BookAsync(code, specialist, day, 11, $"late-{Guid.NewGuid():N}@example.com")).StatusCode);
        Assert.Contains(day + new LocalTime(12, 0), await StartsAsync(specialist, code, day));
    }

    [Fact]
    public async Task TwoWaitingRequestsForOneTime_ConfirmedInParallel_ExactlyOneIsBooked_EveryRound()
    {
        var code = await CreateTypeAsync(new { code = NewCode("race"), name = "Raced call", durationMinutes = 30, minimumNoticeMinutes = 0, bookingWindowDays = 365, requiresConfirmation = true });
        var staff = await factory.CreateAdminClientAsync();
        var day = SchedulingFactory.Weekday(13);

        for (var round = 0; round < 8; round++)
        {
            var specialist = await factory.CreateSpecialistAsync();
            var ids = new[]
            {
                await IdAsync(await BookAsync(code, specialist, day, 14, $"race{round}a@example.com")),
                await IdAsync(await BookAsync(code, specialist, day, 14, $"race{round}b@example.com")),
            };

            var responses = await Task.WhenAll(ids.Select(id => staff.PostAsync($"/api/scheduling/bookings/{id}/confirm", null)));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            Assert.Equal(1, await db.Bookings.CountAsync(b => b.SpecialistId == specialist && b.Status == BookingStatus.Booked));
            Assert.Equal(1, await db.Bookings.CountAsync(b => b.SpecialistId == specialist && b.Status == BookingStatus.Pending));
        }
    }

    [Fact]
    public async Task ConfirmAndDeclineOfOneRequest_InParallel_ExactlyOneHappens_EveryRound()
    {
        var code = await CreateTypeAsync(new { code = NewCode("either"), name = "Either call", durationMinutes = 30, minimumNoticeMinutes = 0, bookingWindowDays = 365, requiresConfirmation = true });
        var staff = await factory.CreateAdminClientAsync();
        var day = SchedulingFactory.Weekday(14);

        for (var round = 0; round < 8; round++)
        {
            var specialist = await factory.CreateSpecialistAsync();
            var id = await IdAsync(await BookAsync(code, specialist, day, 15, $"either{round}@example.com"));

            var responses = await Task.WhenAll(
                staff.PostAsync($"/api/scheduling/bookings/{id}/confirm", null),
                staff.PostAsJsonAsync($"/api/scheduling/bookings/{id}/decline", new { reason = (string?)null }));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            await using var scope = factory.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Bookings.AsNoTracking().SingleAsync(b => b.Id == id);
            Assert.Equal(responses[0].StatusCode == HttpStatusCode.OK ? BookingStatus.Booked : BookingStatus.Cancelled, stored.Status);
        }
    }

    [Fact]
    public async Task TypeWithAScheduleName_FollowsTheHostsScheduleOfThatName_OthersTheDefault()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();
        var week = Enumerable.Range(1, 5).ToList();
        var daytime = await admin.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/schedules", new { name = "Working hours", timeZone = "Europe/Berlin", week = week.Select(d => new { day = d, opens = "09:00", closes = "12:00" }) });
        var evenings = await admin.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/schedules", new { name = "Evenings", timeZone = "Europe/Berlin", week = week.Select(d => new { day = d, opens = "18:00", closes = "20:00" }) });
        Assert.True(daytime.IsSuccessStatusCode, await daytime.Content.ReadAsStringAsync());
        Assert.True(evenings.IsSuccessStatusCode, await evenings.Content.ReadAsStringAsync());
        var evening = await CreateTypeAsync(new { code = NewCode("eve"), name = "Evening call", durationMinutes = 60, minimumNoticeMinutes = 0, bookingWindowDays = 365, scheduleName = "Evenings" });
        var missing = await CreateTypeAsync(new { code = NewCode("none"), name = "Night call", durationMinutes = 60, minimumNoticeMinutes = 0, bookingWindowDays = 365, scheduleName = "Nights" });
        var day = SchedulingFactory.Weekday(15);

        Assert.Equal([day + new LocalTime(18, 0), day + new LocalTime(19, 0)], await StartsAsync(specialist, evening, day));
        Assert.Equal([day + new LocalTime(9, 0), day + new LocalTime(10, 0), day + new LocalTime(11, 0)], await StartsAsync(specialist, missing, day));
        Assert.Equal(HttpStatusCode.Conflict, (await BookAsync(evening, specialist, day, 10, $"eve-{Guid.NewGuid():N}@example.com")).StatusCode);
        await IdAsync(await BookAsync(evening, specialist, day, 18, $"eve-{Guid.NewGuid():N}@example.com"));
    }

    [Fact]
    public async Task PendingBlocksWithoutConfirmation_Is400NamingTheField()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/scheduling/meeting-types", new { code = NewCode("bad"), name = "Bad", durationMinutes = 30, pendingBlocks = true, scheduleName = new string('x', 101) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("pendingBlocks", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("scheduleName", out _), errors.ToString());
    }
}
