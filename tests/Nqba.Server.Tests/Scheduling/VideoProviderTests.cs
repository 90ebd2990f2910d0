using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using MimeKit;
using Nqba.Server.Modules.Scheduling;

namespace Nqba.Server.Tests.Scheduling;

public sealed class VideoProviderTests(VideoFactory factory) : IClassFixture<VideoFactory>
{
    /// <summary>The day the booking tests use; the reschedule tests use the next workday so that no two tests share a start time
    /// (the vendor calls are told apart by the start they carry; Weekday(8) and Weekday(9) fall on the same Monday when a weekend lies between).</summary>
    private static readonly NodaTime.LocalDate BookingDay = SchedulingFactory.Weekday(8);

    private static readonly NodaTime.LocalDate MovingDay = SchedulingFactory.WorkdayAfter(BookingDay);

    private VendorServer Vendors => factory.Vendors;

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonElement> BookAsync(DateTimeOffset start, string email, HttpClient? client = null)
    {
        var specialist = await factory.CreateSpecialistAsync();
        var response = await (client ?? factory.CreateClient()).PostAsJsonAsync("/api/scheduling/bookings",
            new { meetingType = "test-20", start, specialistId = specialist, name = "Video Client", email, timeZone = "Europe/Berlin" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The meeting calls made for a booking at <paramref name="start"/> (their bodies carry its UTC start).</summary>
    private List<VendorServer.VendorCall> MeetingCalls(DateTimeOffset start) =>
        Vendors.Calls.Where(c => c.Body.Contains(Utc(start), StringComparison.Ordinal)).ToList();

    private async Task<MimeMessage> ConfirmationAsync(string email) =>
        (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject?.StartsWith("Meeting confirmed", StringComparison.Ordinal) == true)).FirstOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"No confirmation e-mail to {email}.");

    [Fact]
    public async Task Book_ZoomConfigured_GetsTheZoomJoinUrlInDtoMailAndInvite()
    {
        Vendors.Reset();
        var start = SchedulingFactory.Berlin(BookingDay, 9);
        var email = $"zoom-{Guid.NewGuid():N}@example.com";

        var booking = await BookAsync(start, email);

        var joinUrl = booking.GetProperty("videoUrl").GetString()!;
        Assert.StartsWith("https://zoom.vendor.test/j/", joinUrl, StringComparison.Ordinal);
        Assert.Equal("Zoom", booking.GetProperty("videoProvider").GetString());
        Assert.Equal(JsonValueKind.Null, booking.GetProperty("videoNote").ValueKind);
        // Tokens are cached until shortly before they expire, so an earlier test may have fetched this one.
        var tokens = Vendors.Calls.Where(c => c.Path == "/zoom/oauth/token").ToList();
        Assert.NotEmpty(tokens);
        Assert.All(tokens, token =>
        {
            Assert.Equal("POST", token.Method);
            Assert.Contains("grant_type=account_credentials", token.Query, StringComparison.Ordinal);
            Assert.Contains("account_id=zoom-account", token.Query, StringComparison.Ordinal);
            Assert.Equal("zoom-client:zoom-secret", Encoding.UTF8.GetString(Convert.FromBase64String(token.Authorization["Basic ".Length..])));
        });
        var meeting = Assert.Single(MeetingCalls(start));
        Assert.Equal(("POST", "/zoom-api/v2/users/me/meetings", "Bearer " + VendorServer.ZoomToken), (meeting.Method, meeting.Path, meeting.Authorization));
        var body = JsonDocument.Parse(meeting.Body).RootElement;
        Assert.Equal("20-min test call", body.GetProperty("topic").GetString());
        Assert.Equal(2, body.GetProperty("type").GetInt32());
        Assert.Equal(20, body.GetProperty("duration").GetInt32());
        Assert.Equal(Utc(start), body.GetProperty("start_time").GetString());

        var mail = await ConfirmationAsync(email);
        Assert.Contains("Join: " + joinUrl, mail.TextBody, StringComparison.Ordinal);
        var invite = mail.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        using var ics = new MemoryStream();
        await invite.Content!.DecodeToAsync(ics);
        Assert.Equal(joinUrl, Ical.Net.Calendar.Load(Encoding.UTF8.GetString(ics.ToArray()))!.Events.Single().Location);
    }

    [Fact]
    public async Task Book_ZoomAnswers401_FallsBackToTeamsAndTheNoteSaysSo()
    {
        Vendors.Reset();
        Vendors.ZoomFailure = 401;
        var start = SchedulingFactory.Berlin(BookingDay, 10);

        var booking = await BookAsync(start, "teams@example.com");

        Assert.StartsWith("https://teams.vendor.test/l/meetup-join/", booking.GetProperty("videoUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("Teams", booking.GetProperty("videoProvider").GetString());
        Assert.Equal("Zoom failed (HTTP 401); used Teams", booking.GetProperty("videoNote").GetString());
        var tokens = Vendors.Calls.Where(c => c.Path == "/login/teams-tenant/oauth2/v2.0/token").ToList();
        Assert.NotEmpty(tokens);
        Assert.All(tokens, token =>
        {
            Assert.Equal("application/x-www-form-urlencoded", token.ContentType);
            Assert.Contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", token.Body, StringComparison.Ordinal);
            Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        });
        var calls = MeetingCalls(start);
        Assert.Equal(["/zoom-api/v2/users/me/meetings", "/graph/v1.0/users/organizer-1/onlineMeetings"], calls.Select(c => c.Path));
        Assert.Equal("Bearer " + VendorServer.TeamsToken, calls[1].Authorization);
        var body = JsonDocument.Parse(calls[1].Body).RootElement;
        Assert.Equal(Utc(start.AddMinutes(20)), body.GetProperty("endDateTime").GetString());
        Assert.Equal("20-min test call", body.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Book_ZoomAndTeamsAnswer500_GoogleMeetLinkOfTheCalendarEvent()
    {
        Vendors.Reset();
        (Vendors.ZoomFailure, Vendors.TeamsFailure) = (500, 500);
        var start = SchedulingFactory.Berlin(BookingDay, 11);

        var booking = await BookAsync(start, "meet@example.com");

        Assert.StartsWith("https://meet.vendor.test/evt", booking.GetProperty("videoUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("Zoom failed (HTTP 500); Teams failed (HTTP 500); used GoogleMeet", booking.GetProperty("videoNote").GetString());
        var tokens = Vendors.Calls.Where(c => c.Path == "/google-oauth/token").ToList();
        Assert.NotEmpty(tokens);
        Assert.All(tokens, token => Assert.Contains("refresh_token=google-refresh&grant_type=refresh_token", token.Body, StringComparison.Ordinal));
        var insert = MeetingCalls(start).Last();
        Assert.Equal(("/google/calendar/v3/calendars/sales@nqba.test/events", "?conferenceDataVersion=1", "Bearer " + VendorServer.GoogleToken), (insert.Path, insert.Query, insert.Authorization));
        var create = JsonDocument.Parse(insert.Body).RootElement.GetProperty("conferenceData").GetProperty("createRequest");
        Assert.Equal("hangoutsMeet", create.GetProperty("conferenceSolutionKey").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Book_EveryVendorFailsOrTimesOut_JitsiRoomAndTheNoteNamesEachFailure()
    {
        Vendors.Reset();
        (Vendors.ZoomFailure, Vendors.TeamsFailure, Vendors.GoogleDelay) = (401, 503, TimeSpan.FromSeconds(5));
        var start = SchedulingFactory.Berlin(BookingDay, 12);

        var booking = await BookAsync(start, "jitsi@example.com");
        Vendors.Reset();

        Assert.StartsWith("https://rooms.nqba.test/nqba-", booking.GetProperty("videoUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("Jitsi", booking.GetProperty("videoProvider").GetString());
        Assert.Equal("Zoom failed (HTTP 401); Teams failed (HTTP 503); GoogleMeet failed (no answer within 2 s); used Jitsi", booking.GetProperty("videoNote").GetString());
    }

    [Fact]
    public async Task Cancel_ZoomMeeting_IsDeletedAtZoomAndRecorded()
    {
        Vendors.Reset();
        var start = SchedulingFactory.Berlin(BookingDay, 13);
        var client = factory.CreateClient();
        var booking = await BookAsync(start, "cancel@example.com", client);
        var meetingId = booking.GetProperty("videoUrl").GetString()!.Split('/')[^1];
        var token = Uri.EscapeDataString(booking.GetProperty("manageToken").GetString()!);

        var cancelled = await client.PostAsJsonAsync($"/api/scheduling/manage/{token}/cancel", new { reason = "No longer needed" });
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/manage/{token}");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var delete = Assert.Single(Vendors.Calls, c => c.Method == "DELETE" && c.Path == $"/zoom-api/v2/meetings/{meetingId}");
        Assert.Equal("Bearer " + VendorServer.ZoomToken, delete.Authorization);
        Assert.Equal("Zoom meeting deleted", after.GetProperty("videoNote").GetString());
    }

    [Fact]
    public async Task Reschedule_ZoomMeeting_IsMovedAtZoom_WithTheSameJoinLink()
    {
        Vendors.Reset();
        var start = SchedulingFactory.Berlin(MovingDay, 9);
        var moved = SchedulingFactory.Berlin(MovingDay, 14);
        var client = factory.CreateClient();
        var booking = await BookAsync(start, "move-zoom@example.com", client);
        var meetingId = booking.GetProperty("videoUrl").GetString()!.Split('/')[^1];
        var token = Uri.EscapeDataString(booking.GetProperty("manageToken").GetString()!);

        var response = await client.PostAsJsonAsync($"/api/scheduling/manage/{token}/reschedule", new { start = moved });
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/manage/{token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patch = Assert.Single(Vendors.Calls, c => c.Method == "PATCH" && c.Path == $"/zoom-api/v2/meetings/{meetingId}");
        Assert.Equal("Bearer " + VendorServer.ZoomToken, patch.Authorization);
        using var body = JsonDocument.Parse(patch.Body);
        Assert.Equal(Utc(moved), body.RootElement.GetProperty("start_time").GetString());
        Assert.Equal(20, body.RootElement.GetProperty("duration").GetInt32());
        Assert.Equal(booking.GetProperty("videoUrl").GetString(), after.GetProperty("videoUrl").GetString());
        Assert.Equal($"Zoom meeting moved to {Utc(moved)}", after.GetProperty("videoNote").GetString());
    }

    [Fact]
    public async Task Reschedule_GoogleMeetEvent_IsPatched_AndAMoveTheVendorRefuses_IsNotedWithoutFailingTheReschedule()
    {
        Vendors.Reset();
        Vendors.ZoomFailure = 500;
        Vendors.TeamsFailure = 500;
        var start = SchedulingFactory.Berlin(MovingDay, 10);
        var first = SchedulingFactory.Berlin(MovingDay, 15);
        var second = SchedulingFactory.Berlin(MovingDay, 16);
        var client = factory.CreateClient();
        var booking = await BookAsync(start, "move-meet@example.com", client);
        var eventId = booking.GetProperty("videoUrl").GetString()!.Split('/')[^1];
        var token = Uri.EscapeDataString(booking.GetProperty("manageToken").GetString()!);
        Vendors.Reset();

        var moved = await client.PostAsJsonAsync($"/api/scheduling/manage/{token}/reschedule", new { start = first });
        Vendors.GoogleFailure = 503;
        var refused = await client.PostAsJsonAsync($"/api/scheduling/manage/{token}/reschedule", new { start = second });
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/manage/{token}");

        Assert.Equal("GoogleMeet", booking.GetProperty("videoProvider").GetString());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var patches = Vendors.Calls.Where(c => c.Method == "PATCH" && c.Path == $"/google/calendar/v3/calendars/sales@nqba.test/events/{eventId}").ToList();
        Assert.Equal(2, patches.Count);
        Assert.Contains(Utc(first), patches[0].Body, StringComparison.Ordinal);
        Assert.Equal(second, after.GetProperty("start").GetDateTimeOffset());
        Assert.EndsWith($"GoogleMeet meeting moved to {Utc(first)}; moving the GoogleMeet meeting failed (HTTP 503); the link still works, the vendor's calendar shows the earlier time",
            after.GetProperty("videoNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_UnconfiguredProvidersFirstInTheList_AreNeverCalled()
    {
        Vendors.Reset();
        var off = new Dictionary<string, string?>
        {
            ["Scheduling:Video:Providers:0"] = "Teams",
            ["Scheduling:Video:Providers:1"] = "Zoom",
            ["Scheduling:Video:Providers:2"] = "GoogleMeet",
            ["Scheduling:Video:Zoom:AccountId"] = string.Empty,
            ["Scheduling:Video:Zoom:ClientId"] = string.Empty,
            ["Scheduling:Video:Zoom:ClientSecret"] = string.Empty,
            ["Scheduling:Video:Teams:TenantId"] = string.Empty,
            ["Scheduling:Video:Teams:ClientId"] = string.Empty,
            ["Scheduling:Video:Teams:ClientSecret"] = string.Empty,
            ["Scheduling:Video:Teams:OrganizerUserId"] = string.Empty,
        };
        using var googleOnly = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(off)));
        var start = SchedulingFactory.Berlin(BookingDay, 14);
        var before = Vendors.Calls.Count(c => !c.Path.StartsWith("/google", StringComparison.Ordinal));

        var booking = await BookAsync(start, "google-only@example.com", googleOnly.CreateClient());

        Assert.Equal("GoogleMeet", booking.GetProperty("videoProvider").GetString());
        Assert.Equal(JsonValueKind.Null, booking.GetProperty("videoNote").ValueKind);
        Assert.Equal(before, Vendors.Calls.Count(c => !c.Path.StartsWith("/google", StringComparison.Ordinal)));
        Assert.All(MeetingCalls(start), c => Assert.StartsWith("/google/", c.Path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Zoom:AccountId", "zoom-account", "Scheduling:Video:Zoom is partly configured: ClientId, ClientSecret missing")]
    [InlineData("Providers", "Webex", "unknown video provider 'Webex'")]
    public void Options_PartlyConfiguredOrUnknownProvider_FailValidationAtStart(string key, string value, string expected)
    {
        var options = new SchedulingOptions();
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key == "Providers" ? "Video:Providers:0" : "Video:" + key] = value })
            .Build().Bind(options);

        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.ErrorMessage!.Contains(expected, StringComparison.Ordinal));
    }
}
