using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Scheduling;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Tests.Scheduling;

public sealed class FollowUpTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private static readonly string[] Descriptions = ["Send the pricing sheet", "Invite the CTO"];

    private async Task<(Guid Booking, string Email)> BookAsync(string meetingType)
    {
        var specialist = await factory.CreateSpecialistAsync();
        var email = $"follow-{Guid.NewGuid():N}@client.example";
        var response = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType,
            start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(8), 10),
            specialistId = specialist,
            name = "Finn Follow",
            email,
            timeZone = "Europe/Berlin",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), email);
    }

    /// <summary>The meeting's time comes: move it into the past.</summary>
    private async Task StartedAsync(Guid booking)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        await db.Bookings.Where(b => b.Id == booking).ExecuteUpdateAsync(s => s.SetProperty(b => b.Start, DateTime.UtcNow.AddHours(-1)).SetProperty(b => b.End, DateTime.UtcNow.AddMinutes(-30)));
    }

    private static object Valid(string? outcome = "held") => new
    {
        outcome,
        notes = "Finn wants the agent demo with his CTO present",
        actionItems = new[]
        {
            new { description = "Send the pricing sheet", owner = "Specialist", dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)) },
            new { description = "Invite the CTO", owner = "Finn", dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)) },
        },
    };

    private async Task<List<string>> PayloadsAsync(string type, Guid booking)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Set<StoredEvent>().AsNoTracking()
            .Where(e => e.Type == type).Select(e => e.Payload).ToListAsync()).Where(p => p.Contains(booking.ToString(), StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task FollowUp_AfterADiscoveryCall_RecordsHeldSuggestsTheDemoAndEmitsOnce()
    {
        var (booking, _) = await BookAsync("discovery-30");
        var staff = await factory.CreateAdminClientAsync();

        var early = await staff.PostAsJsonAsync($"/api/scheduling/bookings/{booking}/follow-up", Valid());
        await StartedAsync(booking);
        var created = await staff.PostAsJsonAsync($"/api/scheduling/bookings/{booking}/follow-up", Valid());
        var again = await staff.PostAsJsonAsync($"/api/scheduling/bookings/{booking}/follow-up", Valid());
        var shown = await staff.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{booking}/follow-up");
        var meeting = await staff.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{booking}");

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("demo-60", shown.GetProperty("suggestedMeetingType").GetString());
        Assert.Equal("held", shown.GetProperty("outcome").GetString());
        Assert.Equal("Finn wants the agent demo with his CTO present", shown.GetProperty("notes").GetString());
        Assert.Equal(Descriptions, shown.GetProperty("actionItems").EnumerateArray().Select(a => a.GetProperty("description").GetString()!));
        Assert.Equal("Completed", meeting.GetProperty("status").GetString());
        var followUps = await PayloadsAsync(nameof(FollowUpCreated), booking);
        Assert.Single(followUps);
        Assert.Contains("demo-60", followUps[0], StringComparison.Ordinal);
        Assert.DoesNotContain("CTO", followUps[0], StringComparison.Ordinal);
        Assert.Single(await PayloadsAsync(nameof(MeetingHeld), booking));
    }

    [Fact]
    public async Task FollowUp_InvalidBody_Returns400NamingEachField_AndWritesNothing()
    {
        var (booking, _) = await BookAsync("discovery-30");
        await StartedAsync(booking);
        var staff = await factory.CreateAdminClientAsync();

        var response = await staff.PostAsJsonAsync($"/api/scheduling/bookings/{booking}/follow-up", new
        {
            outcome = "maybe",
            actionItems = new object[]
            {
                new { description = "", owner = "Specialist", dueDate = "2027-01-15" },
                new { description = "Call back", dueDate = "2001-01-01" },
            },
        });
        var missing = await (await factory.CreateAdminClientAsync()).GetAsync($"/api/scheduling/bookings/{booking}/follow-up");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("outcome", out _));
        Assert.True(errors.TryGetProperty("actionItems[0].description", out _));
        Assert.True(errors.TryGetProperty("actionItems[1].owner", out _));
        Assert.True(errors.TryGetProperty("actionItems[1].dueDate", out _));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(await PayloadsAsync(nameof(FollowUpCreated), booking));
        Assert.Empty(await PayloadsAsync(nameof(MeetingHeld), booking));
    }

    [Fact]
    public async Task FollowUp_AfterTheLastTypeOrANoShow_SuggestsNothingOrTheSameTypeAgain()
    {
        var (last, _) = await BookAsync("test-20");
        var (missed, _) = await BookAsync("demo-60");
        await StartedAsync(last);
        await StartedAsync(missed);
        var staff = await factory.CreateAdminClientAsync();
        (await staff.PostAsync($"/api/scheduling/bookings/{missed}/no-show", null)).EnsureSuccessStatusCode();

        var afterLast = await (await staff.PostAsJsonAsync($"/api/scheduling/bookings/{last}/follow-up", Valid())).Content.ReadFromJsonAsync<JsonElement>();
        var contradicting = await staff.PostAsJsonAsync($"/api/scheduling/bookings/{missed}/follow-up", Valid("held"));
        var afterNoShow = await (await staff.PostAsJsonAsync($"/api/scheduling/bookings/{missed}/follow-up", Valid(outcome: null))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(JsonValueKind.Null, afterLast.GetProperty("suggestedMeetingType").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, contradicting.StatusCode);
        Assert.Equal("no-show", afterNoShow.GetProperty("outcome").GetString());
        Assert.Equal("demo-60", afterNoShow.GetProperty("suggestedMeetingType").GetString());
        Assert.Single(await PayloadsAsync(nameof(NoShow), missed));
    }

    [Fact]
    public async Task FollowUpNotes_AreEncryptedAtRest_ExportedAndErased()
    {
        var (booking, email) = await BookAsync("discovery-30");
        await StartedAsync(booking);
        var admin = await factory.CreateAdminClientAsync();
        var created = await (await admin.PostAsJsonAsync($"/api/scheduling/bookings/{booking}/follow-up", Valid())).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            Assert.StartsWith("enc1:", await db.FollowUps.Where(f => f.Id == id).Select(f => f.Notes).SingleAsync(), StringComparison.Ordinal);
            Assert.All(await db.Set<Nqba.Server.Modules.Scheduling.FollowUps.FollowUpActionItem>().Where(a => a.FollowUpId == id).Select(a => a.Description).ToListAsync(),
                d => Assert.StartsWith("enc1:", d, StringComparison.Ordinal));
        }

        var export = await ExportAsync(admin, email);
        (await admin.PostAsync($"/api/privacy/requests/{await RequestAsync(admin, "Erasure", email)}/complete", null)).EnsureSuccessStatusCode();
        var erased = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{booking}/follow-up");

        Assert.Contains("Finn wants the agent demo with his CTO present", export, StringComparison.Ordinal);
        Assert.Contains("Invite the CTO", export, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("notes").ValueKind);
        Assert.All(erased.GetProperty("actionItems").EnumerateArray(), a => Assert.Equal(FieldProtector.ErasedValue, a.GetProperty("description").GetString()));
        Assert.Equal("held", erased.GetProperty("outcome").GetString());
    }

    private static async Task<Guid> RequestAsync(HttpClient admin, string kind, string email)
    {
        var response = await admin.PostAsJsonAsync("/api/privacy/requests", new { kind, law = "Gdpr", email });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> ExportAsync(HttpClient admin, string email)
    {
        using var zip = new ZipArchive(await (await admin.GetAsync($"/api/privacy/requests/{await RequestAsync(admin, "Access", email)}/export")).Content.ReadAsStreamAsync());
        await using var stream = await zip.GetEntry("scheduling.json")!.OpenAsync();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
