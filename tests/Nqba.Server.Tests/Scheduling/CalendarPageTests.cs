using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Leads;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Tests.Scheduling;

public sealed class CalendarPageTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static DateTimeOffset NewYork(LocalDate date, int hour, int minute = 0) =>
        (date + new LocalTime(hour, minute)).InZoneLeniently(DateTimeZoneProviders.Tzdb["America/New_York"]).ToDateTimeOffset();

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<Guid> BookAsync(Guid specialist, DateTimeOffset start, string email = "client@example.com", string name = "Ada Client")
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType = "test-20",
            start,
            specialistId = specialist,
            name,
            email,
            timeZone = "America/New_York",
            language = "en",
            notes = "Interested in agents",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<string> PageAsync(string address)
    {
        var admin = await factory.CreateAdminClientAsync();
        var response = await admin.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The data-date of the calendar column that holds the booking (the last column opened before it).</summary>
    private static string ColumnOf(string page, Guid booking) => ColumnAttribute(page, booking, "data-date");

    /// <summary>The specialist whose lane holds the booking (a unit's day view).</summary>
    private static string LaneOf(string page, Guid booking) => ColumnAttribute(page, booking, "data-specialist");

    private static string ColumnAttribute(string page, Guid booking, string attribute)
    {
        var at = page.IndexOf($"data-booking=\"{booking}\"", StringComparison.Ordinal);
        Assert.True(at > 0, $"booking {booking} is not on the page");
        var column = page.LastIndexOf("data-testid=\"column\"", at, StringComparison.Ordinal);
        Assert.True(column > 0);
        var tag = page[column..page.IndexOf('>', column)];
        var start = tag.IndexOf(attribute + "=\"", StringComparison.Ordinal) + attribute.Length + 2;
        return tag[start..tag.IndexOf('"', start)];
    }

    /// <summary>The booking's element on the calendar grid, from its anchor to its end.</summary>
    private static string EntryOf(string page, Guid booking)
    {
        var at = page.IndexOf($"data-booking=\"{booking}\"", StringComparison.Ordinal);
        return page[at..page.IndexOf("</a>", at, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task WeekView_NewYorkBookingSeenFromBerlinAndTokyo_SitsInTheLocalDayAtTheLocalTime()
    {
        var specialist = await factory.CreateSpecialistAsync(region: DemoCompany.UsEast);
        var date = SchedulingFactory.Weekday(15);
        var start = NewYork(date, 11);
        var id = await BookAsync(specialist, start);
        var berlin = Instant.FromDateTimeOffset(start).InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        var tokyo = Instant.FromDateTimeOffset(start).InZone(DateTimeZoneProviders.Tzdb["Asia/Tokyo"]);

        var fromBerlin = await PageAsync($"/scheduling/calendar?view=week&specialist={specialist}&date={Iso(date)}&tz=Europe%2FBerlin");
        var fromTokyo = await PageAsync($"/scheduling/calendar?view=week&specialist={specialist}&date={Iso(date)}&tz=Asia%2FTokyo");
        var ownZone = await PageAsync($"/scheduling/calendar?view=day&specialist={specialist}&date={Iso(date)}");

        // 11:00 in New York is the afternoon of the same day in Berlin, and 01:00 the next day in Tokyo.
        Assert.Equal(Iso(date), ColumnOf(fromBerlin, id));
        Assert.Contains($"{berlin:HH:mm}–{berlin.PlusMinutes(20):HH:mm}", EntryOf(fromBerlin, id), StringComparison.Ordinal);
        Assert.Contains($"data-start=\"{berlin.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture)}\"", EntryOf(fromBerlin, id), StringComparison.Ordinal);
        Assert.Contains("Ada Client", EntryOf(fromBerlin, id), StringComparison.Ordinal);
        Assert.Contains("20-min test call", EntryOf(fromBerlin, id), StringComparison.Ordinal);
        Assert.Equal(7, fromBerlin.Split("data-testid=\"column\"").Length - 1);
        Assert.Equal(Iso(date.PlusDays(1)), ColumnOf(fromTokyo, id));
        Assert.Contains($"{tokyo:HH:mm}–", EntryOf(fromTokyo, id), StringComparison.Ordinal);
        // Without a chosen zone the specialist's own region's zone is used.
        Assert.Contains("America/New_York", ownZone, StringComparison.Ordinal);
        Assert.Contains("11:00–11:20", EntryOf(ownZone, id), StringComparison.Ordinal);
        Assert.Contains("https://meet.jit.si/nqba-", ownZone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeekView_NavigationLinksKeepTheSelectionAndMoveAWeek()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var date = new LocalDate(2027, 3, 10); // a Wednesday: the week runs Monday 8 to Sunday 14 March

        var page = await PageAsync($"/scheduling/calendar?view=week&specialist={specialist}&date={Iso(date)}&tz=Europe%2FBerlin");

        Assert.Contains($"data-testid=\"column\" data-date=\"2027-03-08\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"column\" data-date=\"2027-03-14\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/scheduling/calendar?view=week&date=2027-03-17&specialist={specialist}&tz=Europe%2FBerlin\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/scheduling/calendar?view=week&date=2027-03-03&specialist={specialist}&tz=Europe%2FBerlin\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/scheduling/calendar?view=day&date=2027-03-10&specialist={specialist}&tz=Europe%2FBerlin\"", page, StringComparison.Ordinal);
        // Weekend days have no working hours: five shaded working-hour blocks, one per weekday.
        Assert.Equal(5, page.Split("class=\"cal-hours\"").Length - 1);
    }

    [Fact]
    public async Task WeekView_RegionalHolidays_AreShadedInsteadOfWorkingHours()
    {
        var specialist = await factory.CreateSpecialistAsync();

        // Europe's demo holidays: Thursday 24 and Friday 25 December 2026 (the 26th is a Saturday anyway).
        var page = await PageAsync($"/scheduling/calendar?view=week&specialist={specialist}&date=2026-12-23&tz=Europe%2FBerlin");

        Assert.Equal(3, page.Split("class=\"cal-hours\"").Length - 1);
        Assert.Equal(2, page.Split("data-testid=\"off\"").Length - 1);
        var christmas = page[page.IndexOf("data-date=\"2026-12-25\"", StringComparison.Ordinal)..page.IndexOf("data-date=\"2026-12-26\"", StringComparison.Ordinal)];
        Assert.Contains("Holiday", christmas, StringComparison.Ordinal);
        Assert.DoesNotContain("cal-hours", christmas, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitView_ShowsTheMeetingsOfTwoSpecialists_AndTheirTimeOff()
    {
        var first = await factory.CreateSpecialistAsync(unit: DemoCompany.GoliathTrade);
        var second = await factory.CreateSpecialistAsync(unit: DemoCompany.GoliathTrade);
        var date = SchedulingFactory.Weekday(16);
        var a = await BookAsync(first, SchedulingFactory.Berlin(date, 10), name: "Client Of First");
        var b = await BookAsync(second, SchedulingFactory.Berlin(date, 10), name: "Client Of Second");
        var admin = await factory.CreateAdminClientAsync();
        var off = await admin.PostAsJsonAsync($"/api/scheduling/specialists/{second}/time-off", new { start = SchedulingFactory.Berlin(date, 14), end = SchedulingFactory.Berlin(date, 16), reason = "Dentist" });
        Assert.True(off.IsSuccessStatusCode, await off.Content.ReadAsStringAsync());

        var week = await PageAsync($"/scheduling/calendar?view=week&unit=goliath-trade&date={Iso(date)}&tz=Europe%2FBerlin");
        var day = await PageAsync($"/scheduling/calendar?view=day&unit=goliath-trade&date={Iso(date)}&tz=Europe%2FBerlin");

        Assert.Equal(Iso(date), ColumnOf(week, a));
        Assert.Equal(Iso(date), ColumnOf(week, b));
        Assert.Contains("Client Of First", EntryOf(week, a), StringComparison.Ordinal);
        Assert.Contains("Client Of Second", EntryOf(week, b), StringComparison.Ordinal);
        Assert.Contains("Dentist", week, StringComparison.Ordinal);
        // The day view gives each specialist a lane of their own.
        Assert.Equal(first.ToString(), LaneOf(day, a));
        Assert.Equal(second.ToString(), LaneOf(day, b));
    }

    [Fact]
    public async Task CalendarAndBookingPage_ClientUserOrAnonymous_AreRefused()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var id = await BookAsync(specialist, SchedulingFactory.Berlin(SchedulingFactory.Weekday(17), 10), email: $"secret-{Guid.NewGuid():N}@example.com");
        var email = $"portal-{Guid.NewGuid():N}@calendar.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var client = await factory.CreateClientForAsync(email, password);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var calendar = await client.GetAsync($"/scheduling/calendar?specialist={specialist}");
        var booking = await client.GetAsync($"/scheduling/bookings/{id}");
        var asAnonymous = await anonymous.GetAsync($"/scheduling/bookings/{id}");

        Assert.DoesNotContain("data-testid=\"calendar\"", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bookingPage = await booking.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"briefing\"", bookingPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Client", bookingPage, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, asAnonymous.StatusCode);
    }

    [Fact]
    public async Task Calendar_InGerman()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var date = SchedulingFactory.Weekday(18);
        var id = await BookAsync(specialist, SchedulingFactory.Berlin(date, 9));

        var page = await PageAsync($"/scheduling/calendar?view=week&specialist={specialist}&date={Iso(date)}&lang=de");
        var booking = await PageAsync($"/scheduling/bookings/{id}?lang=de");

        Assert.Contains("<html lang=\"de\"", page, StringComparison.Ordinal);
        Assert.Contains("Kalender", page, StringComparison.Ordinal);
        Assert.Contains("Woche", page, StringComparison.Ordinal);
        Assert.Contains("Heute", page, StringComparison.Ordinal);
        Assert.Contains("Gebucht", EntryOf(page, id), StringComparison.Ordinal);
        Assert.Contains(date.ToString("ddd d MMM", CultureInfo.GetCultureInfo("de")), page, StringComparison.Ordinal);
        Assert.Contains("&lang=de", page, StringComparison.Ordinal);
        Assert.Contains("Frühere Termine", booking, StringComparison.Ordinal);
        Assert.Contains("Termin absagen", booking, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Guid> CreateOrganizationAsync(HttpClient admin, string name) =>
        (await CreatedAsync(await admin.PostAsJsonAsync("/api/clients", new { name, regionCode = "europe" }))).GetProperty("id").GetGuid();

    [Fact]
    public async Task BookingPage_ShowsTheBriefing_WithAssessmentRoutingAndEarlierMeetings()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var email = $"briefed-{Guid.NewGuid():N}@example.com";
        var date = SchedulingFactory.Weekday(19);
        var earlier = await BookAsync(specialist, SchedulingFactory.Berlin(date, 9), email);
        var id = await BookAsync(specialist, SchedulingFactory.Berlin(date, 15), email);
        var lead = Guid.CreateVersion7();
        var admin = await factory.CreateAdminClientAsync();
        var organization = await CreateOrganizationAsync(admin, "Briefed Client GmbH");
        var elsewhere = await CreateOrganizationAsync(admin, "Another Client Ltd");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            db.RoutedLeads.Add(new RoutedLead { LeadId = lead, AssessmentTotal = 82, RecommendedUnit = "flyfox-ai", RunnerUpUnit = "sigma-select", MeetingType = "demo-60", RoutingReason = "wants AI agents; speaks German" });
            await db.SaveChangesAsync();
            await db.Bookings.Where(b => b.Id == id).ExecuteUpdateAsync(s => s.SetProperty(b => b.LeadId, lead).SetProperty(b => b.OrganizationId, organization));
        }

        var ticket = await CreatedAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Export keeps failing", body = "Since Monday", requesterName = "Ada Client", organizationId = organization }));
        await CreatedAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Another company's outage", body = "Not theirs", requesterName = "Someone", organizationId = elsewhere }));

        var page = await PageAsync($"/scheduling/bookings/{id}");

        var briefing = page[page.IndexOf("data-testid=\"briefing\"", StringComparison.Ordinal)..];
        Assert.Contains("Ada Client", briefing, StringComparison.Ordinal);
        Assert.Contains(email, briefing, StringComparison.Ordinal);
        Assert.Contains("Interested in agents", briefing, StringComparison.Ordinal);
        Assert.Contains("Score: 82/100", briefing, StringComparison.Ordinal);
        Assert.Contains("FLYFOX AI", briefing, StringComparison.Ordinal);
        Assert.Contains($"href=\"/leads/{lead}\"", briefing, StringComparison.Ordinal);
        Assert.Contains("wants AI agents; speaks German", briefing, StringComparison.Ordinal);
        Assert.Contains($"/scheduling/bookings/{earlier}", briefing, StringComparison.Ordinal);
        Assert.Contains("Pipeline stage", briefing, StringComparison.Ordinal);
        Assert.Contains("Open tickets", briefing, StringComparison.Ordinal);
        Assert.Contains($"href=\"/support/tickets/{ticket.GetProperty("id").GetGuid()}\"", briefing, StringComparison.Ordinal);
        Assert.Contains("Export keeps failing", briefing, StringComparison.Ordinal);
        Assert.DoesNotContain("Another company's outage", briefing, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"briefing-deal\"", briefing, StringComparison.Ordinal); // the pipeline's section
        Assert.Equal(2, briefing.Split("data-testid=\"briefing-pending\"").Length - 1); // surveys and incidents are still to come
        // Staff actions for a meeting still ahead: reschedule and cancel (held / no-show only once it has started).
        Assert.Contains($"action=\"/scheduling/bookings/{id}/reschedule\"", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/scheduling/bookings/{id}/cancel\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/scheduling/bookings/{id}/held", page, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", page, StringComparison.Ordinal);
    }
}
