using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Tests.Scheduling;

namespace Nqba.Server.Tests.Privacy;

/// <summary>Privacy requests reach a person's bookings and support tickets, not only Intake's records.</summary>
public sealed class CrossModulePrivacyTests(SchedulingFactory factory) : IClassFixture<SchedulingFactory>
{
    private async Task<(Guid Booking, string Email)> BookAndOpenTicketAsync()
    {
        var email = $"both-{Guid.NewGuid():N}@client.example";
        var specialist = await factory.CreateSpecialistAsync();
        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(8), 10);
        var anonymous = factory.CreateClient();
        var booked = await anonymous.PostAsJsonAsync("/api/scheduling/bookings", new
        {
            meetingType = "test-20",
            start,
            specialistId = specialist,
            name = "Bea Both",
            email,
            timeZone = "Europe/Berlin",
            language = "en",
            notes = "Bring the numbers",
        });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        var ticket = await anonymous.PostAsJsonAsync("/api/support/requests", new { name = "Bea Both", email, subject = "Invoice question", message = "Where is my invoice?" });
        Assert.True(ticket.IsSuccessStatusCode, await ticket.Content.ReadAsStringAsync());
        return ((await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), email);
    }

    private static async Task<Guid> RequestAsync(HttpClient admin, string kind, string email)
    {
        var response = await admin.PostAsJsonAsync("/api/privacy/requests", new { kind, law = "Gdpr", email });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> EntryAsync(ZipArchive zip, string name)
    {
        await using var stream = await zip.GetEntry(name)!.OpenAsync();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task AccessExport_HoldsThePersonsBookingsAndTickets()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (booking, email) = await BookAndOpenTicketAsync();
        var request = await RequestAsync(admin, "Access", email);

        using var zip = new ZipArchive(await (await admin.GetAsync($"/api/privacy/requests/{request}/export")).Content.ReadAsStreamAsync());

        var scheduling = await EntryAsync(zip, "scheduling.json");
        var support = await EntryAsync(zip, "support.json");
        Assert.Contains(booking.ToString(), scheduling, StringComparison.Ordinal);
        Assert.Contains("Bring the numbers", scheduling, StringComparison.Ordinal);
        Assert.Contains("Invoice question", support, StringComparison.Ordinal);
        Assert.Contains("Where is my invoice?", support, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_RedactsThePersonsBookingAndTicket_AndTheExportIsThenEmpty()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (booking, email) = await BookAndOpenTicketAsync();

        (await admin.PostAsync($"/api/privacy/requests/{await RequestAsync(admin, "Erasure", email)}/complete", null)).EnsureSuccessStatusCode();

        var shown = await admin.GetFromJsonAsync<JsonElement>($"/api/scheduling/bookings/{booking}");
        Assert.Equal(FieldProtector.ErasedValue, shown.GetProperty("clientName").GetString());
        using var zip = new ZipArchive(await (await admin.GetAsync($"/api/privacy/requests/{await RequestAsync(admin, "Access", email)}/export")).Content.ReadAsStreamAsync());
        Assert.Equal("[]", (await EntryAsync(zip, "scheduling.json")).Trim());
        Assert.Equal("[]", (await EntryAsync(zip, "support.json")).Trim());
    }
}
