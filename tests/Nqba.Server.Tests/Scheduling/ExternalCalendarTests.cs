using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Calendars;

namespace Nqba.Server.Tests.Scheduling;

public sealed class ExternalCalendarTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private const string Feed = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//test//EN
        BEGIN:VEVENT
        UID:overnight@test
        DTSTAMP:20261101T000000Z
        DTSTART;TZID=Europe/Berlin:20270112T220000
        DTEND;TZID=Europe/Berlin:20270113T020000
        SUMMARY:Overnight release
        END:VEVENT
        BEGIN:VEVENT
        UID:weekly@test
        DTSTAMP:20261101T000000Z
        DTSTART;TZID=America/New_York:20270104T090000
        DTEND;TZID=America/New_York:20270104T100000
        RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=11
        EXDATE;TZID=America/New_York:20270118T090000
        SUMMARY:Weekly stand-up
        END:VEVENT
        BEGIN:VEVENT
        UID:free@test
        DTSTAMP:20261101T000000Z
        DTSTART:20270105T100000Z
        DTEND:20270105T110000Z
        TRANSP:TRANSPARENT
        SUMMARY:Shown as free
        END:VEVENT
        END:VCALENDAR
        """;

    private static Instant Utc(int y, int mo, int d, int h) => Instant.FromUtc(y, mo, d, h, 0);

    [Fact]
    public void Busy_RecurringOvernightAndFreeEvents_ExpandToTheRightUtcIntervals()
    {
        var calendar = BusyFeedReader.TryLoad(Feed.Replace("\n", "\r\n", StringComparison.Ordinal), out var error);
        Assert.Null(error);

        var busy = BusyFeedReader.Busy(calendar!, Utc(2027, 1, 1, 0), Utc(2027, 4, 1, 0)).ToList();

        Assert.Contains(busy, b => b.Start == Utc(2027, 1, 12, 21) && b.End == Utc(2027, 1, 13, 1)); // 22:00–02:00 CET
        Assert.Contains(busy, b => b.Start == Utc(2027, 1, 11, 14)); // 09:00 EST
        Assert.DoesNotContain(busy, b => b.Start == Utc(2027, 1, 18, 14)); // EXDATE
        Assert.Contains(busy, b => b.Start == Utc(2027, 3, 15, 13)); // 09:00 EDT after the US change
        Assert.Equal(10, busy.Count(b => b.End - b.Start == Duration.FromHours(1))); // 11 Mondays less the exception
        Assert.DoesNotContain(busy, b => b.Start == Utc(2027, 1, 5, 10)); // transparent
    }

    [Fact]
    public async Task Feed_OvernightBusyEventFromAUrl_BlocksTheEveningAndTheNextMorning()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var day = Enumerable.Range(20, 30).Select(SchedulingFactory.Weekday).First(d => SchedulingFactory.IsWorkday(d.PlusDays(1)));

        var next = day.PlusDays(1);
        var ics = $"""
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//test//EN
            BEGIN:VEVENT
            UID:night@test
            DTSTAMP:20261101T000000Z
            DTSTART;TZID=Europe/Berlin:{day:yyyyMMdd}T160000
            DTEND;TZID=Europe/Berlin:{next:yyyyMMdd}T093000
            SUMMARY:Data centre move
            END:VEVENT
            END:VCALENDAR
            """.Replace("\n", "\r\n", StringComparison.Ordinal);
        await using var server = await FeedServer.StartAsync(ics);
        var staff = await factory.CreateAdminClientAsync();

        var attached = await staff.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/calendars", new { name = "Ops calendar", url = server.Url });
        var slots = await staff.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/slots?type=test-20&from={day:yyyy-MM-dd}&to={next:yyyy-MM-dd}&timeZone=Europe/Berlin");
        var badFile = await staff.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/calendars", new { name = "Broken", ics = "BEGIN:VCALENDAR\r\nnot ical" });

        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        Assert.Equal(1, (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").GetInt32());
        var starts = slots.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal(SchedulingFactory.Berlin(day, 15, 35), starts.Where(s => s < SchedulingFactory.Berlin(next, 0)).Max()); // ends 15:55: the type's 5-minute after-buffer before 16:00
        Assert.Equal(SchedulingFactory.Berlin(next, 9, 30), starts.Where(s => s > SchedulingFactory.Berlin(next, 0)).Min()); // the type keeps no buffer before itself, the event none after
        Assert.Equal(HttpStatusCode.BadRequest, badFile.StatusCode);
    }

    [Fact]
    public async Task BookingFeed_SecretLinkServesTheSpecialistsBookingsAsICalendar()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(8), 11);
        var booked = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", new { meetingType = "test-20", start, specialistId = specialist, name = "Feed Client", email = "feed@example.com" });
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var staff = await factory.CreateAdminClientAsync();

        var link = (await staff.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/feed-link")).GetProperty("url").GetString()!;
        var anonymous = factory.CreateClient();
        var feed = await anonymous.GetStringAsync(link);
        var wrong = await anonymous.GetAsync(link.Replace("/bookings.ics", "x/bookings.ics", StringComparison.Ordinal));

        var calendar = Ical.Net.Calendar.Load(feed)!;
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal($"{id:N}@nqba", meeting.Uid);
        Assert.Equal(start.UtcDateTime, meeting.DtStart!.AsUtc);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
    }

    private sealed class FeedServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FeedServer(WebApplication app, string url) => (_app, Url) = (app, url);

        public string Url { get; }

        public static async Task<FeedServer> StartAsync(string ics)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapGet("/busy.ics", () => Results.Text(ics, "text/calendar"));
            await app.StartAsync();
            var address = app.Urls.First();
            return new FeedServer(app, address + "/busy.ics");
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
