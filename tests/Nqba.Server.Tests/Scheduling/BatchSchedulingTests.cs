using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nqba.Server.Tests.Scheduling;

public sealed class BatchSchedulingTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private const string Berlin = "Europe/Berlin";
    private static readonly int[] Winners = [0, 2, 3];

    [Fact]
    public async Task Batch_OverTwoSpecialists_HigherPriorityWinsAndBookingsKeepTheirBuffers()
    {
        // Two specialists of NQBA Core in Berlin (the unit's seeded specialist works in Los Angeles: asleep then).
        var first = await factory.CreateSpecialistAsync();
        var second = await factory.CreateSpecialistAsync();
        var day = SchedulingFactory.Weekday(9);
        var anonymous = factory.CreateClient();
        foreach (var (specialist, type) in new[] { (first, "discovery-30"), (second, "demo-60") })
        {
            var existing = await anonymous.PostAsJsonAsync("/api/scheduling/bookings", new { meetingType = type, start = SchedulingFactory.Berlin(day, 10), specialistId = specialist, name = "Earlier Client", email = "earlier@example.com" });
            Assert.Equal(HttpStatusCode.Created, existing.StatusCode);
        }

        var date = day.ToString("yyyy-MM-dd", null);
        object Request(string name, double priority, object[] windows) => new { name, email = $"{name.ToLowerInvariant()}@example.com", meetingType = "discovery-30", unitCode = "nqba-core", priority, windows, timeZone = Berlin };
        var body = new
        {
            requests = new[]
            {
                // 0–2 contest 09:00–09:30, which holds one meeting per specialist: the two higher priorities win.
                Request("Ada", 5, [new { start = $"{date}T09:00", end = $"{date}T09:30" }]),
                Request("Bob", 1, [new { start = SchedulingFactory.Berlin(day, 9).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", null), end = SchedulingFactory.Berlin(day, 9, 30).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", null) }]),
                Request("Cem", 3, [new { start = $"{date}T09:00", end = $"{date}T09:30", timeZone = Berlin }]),
                // 3: only the first specialist has a whole free half hour (with buffers) between 10:00 and 11:30.
                Request("Dan", 1, [new { start = $"{date}T10:00", end = $"{date}T11:30" }]),
                // 4: early morning in Berlin, night in Los Angeles: nobody of the unit works then.
                Request("Eve", 2, [new { start = $"{date}T06:00", end = $"{date}T07:00" }]),
            },
            dryRun = true,
        };
        var staff = await factory.CreateAdminClientAsync();

        var planned = await staff.PostAsJsonAsync("/api/scheduling/batch", body);
        var plannedResult = await planned.Content.ReadFromJsonAsync<JsonElement>();
        var afterPlan = await CalendarAsync(staff, first, second, day);
        var booked = await staff.PostAsJsonAsync("/api/scheduling/batch", body with { dryRun = false });
        var result = await booked.Content.ReadFromJsonAsync<JsonElement>();
        var calendar = await CalendarAsync(staff, first, second, day);

        Assert.True(planned.StatusCode == HttpStatusCode.OK, plannedResult.ToString());
        Assert.Equal(2, afterPlan.Count); // a dry run books nothing
        Assert.True(booked.StatusCode == HttpStatusCode.OK, result.ToString());
        var placed = result.GetProperty("placed").EnumerateArray().ToDictionary(p => p.GetProperty("index").GetInt32());
        var unplaced = result.GetProperty("unplaced").EnumerateArray().ToDictionary(p => p.GetProperty("index").GetInt32(), p => p.GetProperty("reason").GetString());
        Assert.Equal(Winners, placed.Keys.Order());
        Assert.Equal(Winners, plannedResult.GetProperty("placed").EnumerateArray().Select(p => p.GetProperty("index").GetInt32()).Order());
        Assert.Contains("priority", unplaced[1]!, StringComparison.Ordinal);
        Assert.Contains("free", unplaced[4]!, StringComparison.Ordinal);
        Assert.Equal(9, result.GetProperty("objective").GetDouble());
        Assert.Equal(first, placed[3].GetProperty("specialistId").GetGuid());
        Assert.All(placed.Values, p => Assert.NotEqual(JsonValueKind.Null, p.GetProperty("bookingId").ValueKind));

        // The bookings exist and, per specialist, no two meetings come closer than the 15-minute buffer.
        Assert.Equal(5, calendar.Count);
        Assert.Contains(calendar, b => b.GetProperty("clientName").GetString() == "Dan" && b.GetProperty("status").GetString() == "Booked");
        foreach (var meetings in calendar.GroupBy(b => b.GetProperty("specialistId").GetGuid()))
        {
            var ordered = meetings.OrderBy(b => b.GetProperty("start").GetDateTimeOffset()).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].GetProperty("start").GetDateTimeOffset() >= ordered[i - 1].GetProperty("end").GetDateTimeOffset().AddMinutes(15),
                    $"{ordered[i - 1].GetProperty("clientName")} and {ordered[i].GetProperty("clientName")} are closer than the buffer");
            }
        }
    }

    [Fact]
    public async Task Batch_InvalidRequests_Returns400NamingTheFields()
    {
        var staff = await factory.CreateAdminClientAsync();

        var response = await staff.PostAsJsonAsync("/api/scheduling/batch", new
        {
            requests = new object[]
            {
                new { name = "", email = "not-an-email", meetingType = "nope", unitCode = "nqba-core", windows = new[] { new { start = "2026-12-03T09:00", end = "2026-12-03T10:00" } } },
                new { name = "Zed", email = "zed@example.com", meetingType = "discovery-30", unitCode = "no-such-unit", priority = -1, windows = Array.Empty<object>() },
            },
        });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var field in new[] { "requests[0].name", "requests[0].email", "requests[0].meetingType", "requests[0].windows[0].start", "requests[1].unitCode", "requests[1].priority", "requests[1].windows" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field + " in " + errors);
        }
    }

    private static async Task<List<JsonElement>> CalendarAsync(HttpClient staff, Guid first, Guid second, NodaTime.LocalDate day)
    {
        var from = Uri.EscapeDataString(SchedulingFactory.Berlin(day, 0).ToString("O", null));
        var to = Uri.EscapeDataString(SchedulingFactory.Berlin(day.PlusDays(1), 0).ToString("O", null));
        var list = new List<JsonElement>();
        foreach (var specialist in new[] { first, second })
        {
            list.AddRange((await staff.GetFromJsonAsync<List<JsonElement>>($"/api/scheduling/bookings?specialistId={specialist}&from={from}&to={to}"))!);
        }

        return list;
    }
}
