using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>Staff moving and cancelling meetings from the calendar: <c>POST /api/scheduling/bookings/{id}/reschedule|cancel</c>.</summary>
public sealed class StaffBookingApiTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static object Booking(Guid specialistId, DateTimeOffset start, string email) =>
        new { meetingType = "test-20", start, specialistId, name = "Ada Client", email, timeZone = "Europe/Berlin", language = "en" };

    private async Task<JsonElement> BookAsync(Guid specialist, DateTimeOffset start, string email = "client@example.com")
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, start, email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Day(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<DateTimeOffset>> SlotStartsAsync(Guid specialist, NodaTime.LocalDate date)
    {
        var response = await factory.CreateClient().GetAsync($"/api/scheduling/specialists/{specialist}/slots?type=test-20&from={Day(date)}&to={Day(date)}&timeZone=Europe%2FBerlin");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ToList();
    }

    [Fact]
    public async Task Reschedule_ByStaff_FreesTheOldSlotAndBlocksTheNewOne()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var date = SchedulingFactory.Weekday(20);
        var start = SchedulingFactory.Berlin(date, 10);
        var moved = SchedulingFactory.Berlin(date, 14);
        var id = (await BookAsync(specialist, start)).GetProperty("id").GetGuid();
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync($"/api/scheduling/bookings/{id}/reschedule", new { start = moved });
        var rival = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", Booking(specialist, moved, "rival@example.com"));
        var slots = await SlotStartsAsync(specialist, date);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(moved, booking.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(1, booking.GetProperty("sequence").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, rival.StatusCode);
        Assert.Contains(start, slots);
        Assert.DoesNotContain(slots, s => s > moved.AddMinutes(-25) && s < moved.AddMinutes(25));
    }

    [Fact]
    public async Task Reschedule_IntoATakenSlot_IsAConflictAndTheMeetingStays()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var date = SchedulingFactory.Weekday(21);
        var id = (await BookAsync(specialist, SchedulingFactory.Berlin(date, 10))).GetProperty("id").GetGuid();
        await BookAsync(specialist, SchedulingFactory.Berlin(date, 11), "other@example.com");
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync($"/api/scheduling/bookings/{id}/reschedule", new { start = SchedulingFactory.Berlin(date, 11, 10) });
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SchedulingFactory.Berlin(date, 10), after.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(0, after.GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task Cancel_ByStaff_FreesTheSlotAndSendsTheCancelInvite()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var date = SchedulingFactory.Weekday(22);
        var start = SchedulingFactory.Berlin(date, 13);
        var email = $"cancelled-{Guid.NewGuid():N}@example.com";
        var id = (await BookAsync(specialist, start, email)).GetProperty("id").GetGuid();
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync($"/api/scheduling/bookings/{id}/cancel", new { reason = "Specialist ill" });
        var again = await admin.PostAsJsonAsync($"/api/scheduling/bookings/{id}/cancel", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Cancelled", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(start, await SlotStartsAsync(specialist, date));

        // The e-mail is sent from the event log after commit.
        var message = Assert.Single(await factory.MailsWithAsync(email), t => t.Contains("Meeting cancelled", StringComparison.Ordinal));
        Assert.Contains("method=CANCEL", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cancel.ics", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RescheduleAndCancel_ForAClientUser_AreForbidden()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var date = SchedulingFactory.Weekday(23);
        var id = (await BookAsync(specialist, SchedulingFactory.Berlin(date, 9))).GetProperty("id").GetGuid();
        var email = $"client-{Guid.NewGuid():N}@staff-api.test";
        var (_, password) = await factory.CreateUserAsync(email, Nqba.Server.Platform.Security.NqbaRoles.Client, Nqba.Server.Platform.Seeding.DemoCompany.AcmeCorp);
        var client = await factory.CreateClientForAsync(email, password);

        var moved = await client.PostAsJsonAsync($"/api/scheduling/bookings/{id}/reschedule", new { start = SchedulingFactory.Berlin(date, 15) });
        var cancelled = await client.PostAsJsonAsync($"/api/scheduling/bookings/{id}/cancel", new { });

        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, cancelled.StatusCode);
        var admin = await factory.CreateAdminClientAsync();
        Assert.Equal("Booked", (await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{id}")).GetProperty("status").GetString());
    }
}
