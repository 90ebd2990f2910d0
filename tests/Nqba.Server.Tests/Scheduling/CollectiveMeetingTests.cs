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
/// Collective meeting types (Cal.com's collective team events): a unit's booking is with all its specialists, offered
/// only when every one of them is free, and it takes every host's time.
/// </summary>
public sealed class CollectiveMeetingTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> CreateTypeAsync(string prefix, string assignment)
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var response = await admin.PostAsJsonAsync("/api/scheduling/meeting-types", new { code, name = "Panel call", durationMinutes = 60, minimumNoticeMinutes = 0, bookingWindowDays = 365, assignment });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return code;
    }

    private async Task<(string Unit, Guid First, Guid Second)> UnitOfTwoAsync()
    {
        var (unitId, unit) = await factory.CreateUnitAsync();
        var first = await factory.CreateSpecialistAsync(unit: unitId);
        var second = await factory.CreateSpecialistAsync(unit: unitId);
        return (unit, first, second);
    }

    private async Task<List<LocalTime>> StartsAsync(string path, string type, LocalDate day)
    {
        var response = await factory.CreateClient().GetAsync($"{path}?type={type}&from={Iso(day)}&to={Iso(day)}&timeZone=Europe%2FBerlin");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("slots").EnumerateArray().Select(s => Instant.FromDateTimeOffset(s.GetProperty("start").GetDateTimeOffset()).InZone(Berlin).TimeOfDay)];
    }

    private Task<HttpResponseMessage> BookAsync(string type, LocalDate day, int hour, string? unit = null, Guid? specialist = null) =>
        factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType = type,
            start = SchedulingFactory.Berlin(day, hour),
            unitCode = unit,
            specialistId = specialist,
            name = "Colin Collective",
            email = $"collective-{Guid.NewGuid():N}@example.com",
            timeZone = "Europe/Berlin",
        });

    [Fact]
    public async Task UnitSlots_OfferOnlyTheTimesAllHostsHaveFree_RoundRobinAnyOne()
    {
        var collective = await CreateTypeAsync("panel", "Collective");
        var roundRobin = await CreateTypeAsync("single", "RoundRobin");
        var (unit, first, second) = await UnitOfTwoAsync();
        var day = SchedulingFactory.Weekday(16);
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(roundRobin, day, 10, specialist: first)).StatusCode);
        var admin = await factory.CreateAdminClientAsync();
        var off = await admin.PostAsJsonAsync($"/api/scheduling/specialists/{second}/time-off", new { start = SchedulingFactory.Berlin(day, 14), end = SchedulingFactory.Berlin(day, 15), reason = "Dentist" });
        Assert.True(off.IsSuccessStatusCode, await off.Content.ReadAsStringAsync());

        var together = await StartsAsync($"/api/scheduling/units/{unit}/slots", collective, day);
        var anyOne = await StartsAsync($"/api/scheduling/units/{unit}/slots", roundRobin, day);

        Assert.Equal([new(9, 0), new(11, 0), new(12, 0), new(13, 0), new(15, 0), new(16, 0)], together);
        Assert.Equal([new(9, 0), new(10, 0), new(11, 0), new(12, 0), new(13, 0), new(14, 0), new(15, 0), new(16, 0)], anyOne);
    }

    [Fact]
    public async Task Booked_TakesEveryHostsTime_ShowsInEachCalendar_AndMailsEachHost()
    {
        var collective = await CreateTypeAsync("panel", "Collective");
        var single = await CreateTypeAsync("single", "RoundRobin");
        var (unit, first, second) = await UnitOfTwoAsync();
        var day = SchedulingFactory.Weekday(17);

        var response = await BookAsync(collective, day, 11, unit: unit);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var booking = JsonDocument.Parse(body).RootElement;
        var hosts = new[] { booking.GetProperty("specialistId").GetGuid() }.Concat(booking.GetProperty("coHostIds").EnumerateArray().Select(e => e.GetGuid())).Order().ToList();
        Assert.Equal(new[] { first, second }.Order(), hosts);
        foreach (var host in new[] { first, second })
        {
            Assert.DoesNotContain(new LocalTime(11, 0), await StartsAsync($"/api/scheduling/specialists/{host}/slots", single, day));
            Assert.Equal(HttpStatusCode.Conflict, (await BookAsync(single, day, 11, specialist: host)).StatusCode);
            var staff = await factory.CreateAdminClientAsync();
            var listed = await staff.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings?specialistId={host}&from={SchedulingFactory.Berlin(day, 0):O}&to={SchedulingFactory.Berlin(day, 23):O}".Replace("+", "%2B", StringComparison.Ordinal));
            Assert.Contains(listed.EnumerateArray(), b => b.GetProperty("id").GetGuid() == booking.GetProperty("id").GetGuid());
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var company = await scope.ServiceProvider.GetRequiredService<Nqba.Server.Platform.Company.ICompanyDirectory>().GetAsync(CancellationToken.None);
        foreach (var host in new[] { first, second })
        {
            var email = company.Specialists.Single(s => s.Id == host).Email;
            Assert.Contains(await factory.MailsWithAsync(email), m => m.Contains("Meeting confirmed", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Rescheduled_OnlyToATimeEveryHostHasFree()
    {
        var collective = await CreateTypeAsync("panel", "Collective");
        var single = await CreateTypeAsync("single", "RoundRobin");
        var (unit, _, second) = await UnitOfTwoAsync();
        var day = SchedulingFactory.Weekday(18);
        var id = (await (await BookAsync(collective, day, 9, unit: unit)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(single, day, 13, specialist: second)).StatusCode);
        var staff = await factory.CreateAdminClientAsync();

        var clash = await staff.PostAsJsonAsync($"/api/scheduling/bookings/{id}/reschedule", new { start = SchedulingFactory.Berlin(day, 13) });
        var free = await staff.PostAsJsonAsync($"/api/scheduling/bookings/{id}/reschedule", new { start = SchedulingFactory.Berlin(day, 15) });

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        Assert.DoesNotContain(new LocalTime(15, 0), await StartsAsync($"/api/scheduling/specialists/{second}/slots", single, day));
        Assert.Contains(new LocalTime(9, 0), await StartsAsync($"/api/scheduling/specialists/{second}/slots", single, day));
    }

    [Fact]
    public async Task CollectiveAndSingleBookingOfOneHost_InParallel_ExactlyOneIsMade_EveryRound()
    {
        var collective = await CreateTypeAsync("panel", "Collective");
        var single = await CreateTypeAsync("single", "RoundRobin");
        var day = SchedulingFactory.Weekday(19);

        for (var round = 0; round < 8; round++)
        {
            var (unit, first, second) = await UnitOfTwoAsync();

            var responses = await Task.WhenAll(
                BookAsync(collective, day, 10, unit: unit),
                BookAsync(single, day, 10, specialist: round % 2 == 0 ? first : second));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            foreach (var host in new[] { first, second })
            {
                var taking = await db.Bookings.CountAsync(b => b.Status == BookingStatus.Booked
                    && (b.SpecialistId == host || db.BookingHosts.Any(h => h.BookingId == b.Id && h.SpecialistId == host)));
                Assert.True(taking <= 1, $"round {round}: {taking} meetings at once");
            }
        }
    }
}
