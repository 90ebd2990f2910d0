using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>Booking history from another scheduling tool (Cal.com), imported through <c>POST /api/scheduling/import</c>.</summary>
public sealed class BookingImportTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Row(string externalId, Guid specialist, DateTimeOffset start, int minutes = 30, string status = "accepted", string type = "discovery-30") => new
    {
        source = "calcom",
        externalId,
        meetingType = type,
        specialistId = specialist,
        start,
        end = start.AddMinutes(minutes),
        status,
        clientName = "Grace Imported",
        clientEmail = $"{externalId}@example.com",
        timeZone = "Europe/Berlin",
    };

    private async Task<int> CountAsync(Guid specialist)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Bookings.CountAsync(b => b.SpecialistId == specialist);
    }

    private async Task<int> ImportAuditsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await platform.AuditEntries.CountAsync(e => e.Action == "scheduling.bookings.imported")
            + await platform.StagedAuditEntries.CountAsync(e => e.Action == "scheduling.bookings.imported");
    }

    private static async Task<List<DateTimeOffset>> StartsAsync(HttpClient client, Guid specialist, LocalDate day)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/scheduling/specialists/{specialist}/slots?type=test-20&from={Iso(day)}&to={Iso(day)}&timeZone=Europe%2FBerlin");
        return [.. body.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset())];
    }

    [Fact]
    public async Task ImportedHistory_BlocksItsTime_IsIdempotent_AndACancellationFreesTheSlot()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();
        var day = SchedulingFactory.Weekday(12);
        var id = $"cal-{Guid.NewGuid():N}";
        object[] batch = [Row(id, specialist, SchedulingFactory.Berlin(day, 11)), Row(id + "-past", specialist, SchedulingFactory.Berlin(day.PlusDays(-40), 10), status: "completed")];

        var first = await admin.PostAsJsonAsync("/api/scheduling/import", batch);
        var again = await admin.PostAsJsonAsync("/api/scheduling/import", batch);

        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, created.GetProperty("created").GetInt32());
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, repeated.GetProperty("unchanged").GetInt32());
        Assert.Equal(JsonValueKind.Null, repeated.GetProperty("batchId").ValueKind);
        Assert.Equal(2, await CountAsync(specialist));
        var starts = await StartsAsync(factory.CreateClient(), specialist, day);
        Assert.DoesNotContain(SchedulingFactory.Berlin(day, 11), starts); // the imported meeting holds its time
        Assert.DoesNotContain(SchedulingFactory.Berlin(day, 11, 15), starts);

        var cancelled = await admin.PostAsJsonAsync("/api/scheduling/import", new[] { Row(id, specialist, SchedulingFactory.Berlin(day, 11), status: "cancelled") });

        Assert.Equal(1, (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        Assert.Contains(SchedulingFactory.Berlin(day, 11), await StartsAsync(factory.CreateClient(), specialist, day));
        Assert.Equal(2, await CountAsync(specialist));
    }

    [Fact]
    public async Task BadRows_Get400NamingEachRowAndField_AndNothingIsWritten()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();
        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(12), 10);
        var good = Row($"ok-{Guid.NewGuid():N}", specialist, start);
        var backwards = new { source = "calcom", externalId = "x1", meetingType = "discovery-30", specialistId = specialist, start, end = start.AddMinutes(-30), status = "accepted", clientName = "A", clientEmail = "a@example.com" };
        var stranger = new { source = "calcom", externalId = "x2", meetingType = "no-such-type", specialistEmail = "nobody@example.com", start, end = start.AddMinutes(30), status = "pending", clientName = "B", clientEmail = "not-an-address" };

        var audited = await ImportAuditsAsync();

        var response = await admin.PostAsJsonAsync("/api/scheduling/import", new object?[] { good, backwards, stranger, null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "bookings[1].end", "bookings[2].meetingType", "bookings[2].specialistEmail", "bookings[2].status", "bookings[2].clientEmail", "bookings[3]" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        Assert.Equal(0, await CountAsync(specialist)); // not even the good row
        Assert.Equal(audited, await ImportAuditsAsync());
    }

    [Fact]
    public async Task TheSameBatchImportedTwiceAtOnce_OneBookingPerExternalId_EveryRound()
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = await factory.CreateSpecialistAsync();
        var day = SchedulingFactory.Weekday(20);

        for (var round = 0; round < 6; round++)
        {
            var batch = Enumerable.Range(0, 3).Select(i => Row($"race-{round}-{i}-{Guid.NewGuid():N}", specialist, SchedulingFactory.Berlin(day.PlusDays(round), 9 + (2 * i)))).ToArray();
            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.PostAsJsonAsync("/api/scheduling/import", batch)));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<JsonElement>()));
            Assert.Equal(3, bodies.Sum(b => b.GetProperty("created").GetInt32()));
            Assert.Equal(3, bodies.Sum(b => b.GetProperty("unchanged").GetInt32()));
            Assert.Equal(3 * (round + 1), await CountAsync(specialist));
        }
    }

    [Fact]
    public async Task TwoImportsRacingForOneRow_UnderDifferentSpecialists_LeaveEveryClientReadable_EveryRound()
    {
        // Different specialists take different calendar locks, so one import fails on the shared row's unique id and
        // retries: the rows it creates then must be encrypted under a key that was written, not the failed attempt's.
        var admin = await factory.CreateAdminClientAsync();
        var first = await factory.CreateSpecialistAsync();
        var second = await factory.CreateSpecialistAsync();
        var day = SchedulingFactory.Weekday(30);

        for (var round = 0; round < 6; round++)
        {
            var shared = $"shared-{round}-{Guid.NewGuid():N}";
            object[] one = [Row(shared, first, SchedulingFactory.Berlin(day.PlusDays(round), 9)), Row($"{shared}-a", first, SchedulingFactory.Berlin(day.PlusDays(round), 11))];
            object[] two = [Row(shared, second, SchedulingFactory.Berlin(day.PlusDays(round), 9)), Row($"{shared}-b", second, SchedulingFactory.Berlin(day.PlusDays(round), 13))];

            var responses = await Task.WhenAll(admin.PostAsJsonAsync("/api/scheduling/import", one), admin.PostAsJsonAsync("/api/scheduling/import", two));

            foreach (var response in responses)
            {
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }

            await using var scope = factory.Services.CreateAsyncScope();
            var bookings = await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Bookings.AsNoTracking()
                .Where(b => b.ExternalId != null && b.ExternalId.StartsWith(shared)).ToListAsync();
            Assert.Equal(3, bookings.Count);
            Assert.All(bookings, b => Assert.Equal($"{b.ExternalId}@example.com", b.ClientEmail));

            // The stored ciphertexts name their key: every one must be a key row that was written.
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            var pattern = shared + "%";
            var stored = await db.Database.SqlQuery<string>($"SELECT \"ClientEmail\" AS \"Value\" FROM scheduling_bookings WHERE \"ExternalId\" LIKE {pattern}").ToListAsync();
            Assert.Equal(3, stored.Count);
            var keys = stored.Select(c => new Guid(Base64Url.DecodeFromChars(c.AsSpan("enc1:".Length)).AsSpan(0, 16))).ToList();
            var written = await db.Set<DataKey>().AsNoTracking().Where(k => keys.Contains(k.Id)).Select(k => k.Id).ToListAsync();
            Assert.All(keys, k => Assert.Contains(k, written));
        }
    }
}
