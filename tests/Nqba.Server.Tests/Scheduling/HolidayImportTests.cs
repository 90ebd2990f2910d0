using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Tests.Scheduling;

public sealed class HolidayImportTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static string Ics(params string[] events) =>
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//NQBA tests//Holidays//EN\r\n" + string.Concat(events) + "END:VCALENDAR\r\n";

    private static string AllDay(string uid, LocalDate date, string summary, string? rule = null) =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:{date:yyyyMMdd}\r\nDTEND;VALUE=DATE:{date.PlusDays(1):yyyyMMdd}\r\n{(rule is null ? string.Empty : rule + "\r\n")}SUMMARY:{summary}\r\nEND:VEVENT\r\n";

    private static async Task<int> SlotCountAsync(HttpClient client, Guid specialist, LocalDate date)
    {
        var day = date.ToString("yyyy-MM-dd", null);
        var slots = await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/slots?type=test-20&from={day}&to={day}&timeZone=Europe/Berlin");
        return slots.GetProperty("slots").GetArrayLength();
    }

    [Fact]
    public async Task ImportedYearlyHoliday_ClosesTheRegionsSlotsThatDay_UntilDeleted()
    {
        var specialist = await factory.CreateSpecialistAsync(DemoCompany.Europe);
        var holiday = SchedulingFactory.Weekday(10);
        var nextDay = holiday.PlusDays(1);
        while (!SchedulingFactory.IsWorkday(nextDay))
        {
            nextDay = nextDay.PlusDays(1);
        }

        var admin = await factory.CreateAdminClientAsync();
        var anonymous = factory.CreateClient();
        var before = await SlotCountAsync(anonymous, specialist, holiday);

        var imported = await admin.PostAsync($"/api/company/regions/europe/holidays/import?fromYear={holiday.Year}&toYear={holiday.Year + 2}",
            new StringContent(Ics(AllDay("founders@nqba.test", holiday, "Founders' Day", "RRULE:FREQ=YEARLY")), Encoding.UTF8, "text/calendar"));
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        var onHoliday = await SlotCountAsync(anonymous, specialist, holiday);
        var dayAfter = await SlotCountAsync(anonymous, specialist, nextDay);
        var listed = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/regions/europe/holidays");
        var id = listed!.Single(h => h.GetProperty("date").GetString() == holiday.ToString("yyyy-MM-dd", null)).GetProperty("id").GetGuid();
        var deleted = await admin.DeleteAsync($"/api/company/regions/europe/holidays/{id}");
        var afterDelete = await SlotCountAsync(anonymous, specialist, holiday);

        Assert.True(imported.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal(3, result.GetProperty("added").GetInt32()); // the yearly rule, expanded over three years
        Assert.Contains(listed!, h => h.GetProperty("date").GetString() == holiday.PlusYears(2).ToString("yyyy-MM-dd", null) && h.GetProperty("name").GetString() == "Founders' Day");
        Assert.True(before > 0);
        Assert.Equal(0, onHoliday);
        Assert.True(dayAfter > 0);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(before, afterDelete);
    }

    [Fact]
    public async Task Import_AsMultipartUpload_AddsTheHolidays()
    {
        var date = SchedulingFactory.Weekday(20);
        var admin = await factory.CreateAdminClientAsync();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Ics(AllDay("one@nqba.test", date, "Company Retreat")), Encoding.UTF8, "text/calendar"), "file", "holidays.ics");

        var response = await admin.PostAsync($"/api/company/regions/apac/holidays/import?fromYear={date.Year}&toYear={date.Year}", form);
        var listed = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/company/regions/apac/holidays?year={date.Year}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(listed!, h => h.GetProperty("name").GetString() == "Company Retreat");
    }

    [Theory]
    [InlineData("not a calendar at all")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:t@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20261230T100000Z\r\nDTEND:20261230T110000Z\r\nSUMMARY:Timed\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nEND:VCALENDAR\r\n")]
    public async Task Import_InvalidFile_Returns400NamingTheProblem_AndWritesNothing(string ics)
    {
        var admin = await factory.CreateAdminClientAsync();
        var before = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/regions/us-east/holidays"))!.Count;

        var response = await admin.PostAsync("/api/company/regions/us-east/holidays/import", new StringContent(ics, Encoding.UTF8, "text/calendar"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out var message), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(message[0].GetString()));
        Assert.Equal(before, (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/regions/us-east/holidays"))!.Count);
    }
}
