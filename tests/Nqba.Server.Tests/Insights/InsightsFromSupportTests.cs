using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Server.Tests.Support;

namespace Nqba.Server.Tests.Insights;

/// <summary>
/// The support KPIs light up from what really happens through Support's APIs: a client's ticket, one agent reply, the
/// solve, the CSAT answer through the signed link (the SurveyAnswered event), and a week later the decided first-contact
/// resolution.
/// </summary>
public sealed class InsightsFromSupportTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ATicketSolvedAtTheFirstReply_AndItsCsatAnswer_AreCountedInTheKpis()
    {
        var email = $"kpi-{Guid.NewGuid():N}@acme.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var client = await factory.CreateClientForAsync(email, password);
        var admin = await factory.CreateAdminClientAsync();
        var day = factory.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var id = (await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "Export", body = "broken" }))).GetProperty("id").GetGuid();
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "Fixed." }));
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/status", new { status = "Solved" }));
        await factory.DeliverEventsAsync();
        var mail = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == email) && m.Subject?.StartsWith("How did we do", StringComparison.Ordinal) == true)).Single();
        var token = Uri.EscapeDataString(Uri.UnescapeDataString(mail.TextBody!.Split("/support/survey/")[1].Trim()));
        Assert.True((await factory.CreateClient().PostAsJsonAsync($"/api/support/surveys/{token}", new { score = 4, comment = "ok" })).IsSuccessStatusCode);

        var csat = await KpiAsync(admin, "csat", day);
        var fcrBefore = await KpiAsync(admin, "first-contact-resolution", day);
        var firstResponse = await RecordsAsync(admin, "first-response", day);

        Assert.Equal(4, csat.GetProperty("value").GetDouble());
        Assert.DoesNotContain(await RecordsAsync(admin, "first-contact-resolution", day), r => r.GetProperty("subjectId").GetGuid() == id); // not decided for 7 days
        Assert.Contains(firstResponse, r => r.GetProperty("subjectId").GetGuid() == id && r.GetProperty("group").GetString() == "portal");

        factory.Clock.Advance(TimeSpan.FromDays(8));
        admin = await factory.CreateAdminClientAsync();
        var fcr = await RecordsAsync(admin, "first-contact-resolution", day);
        var mine = Assert.Single(fcr, r => r.GetProperty("subjectId").GetGuid() == id);
        Assert.Equal(1, mine.GetProperty("value").GetDouble());
        Assert.NotEqual(JsonValueKind.Null, (await KpiAsync(admin, "first-contact-resolution", day)).GetProperty("value").ValueKind);
        Assert.True(fcrBefore.GetProperty("records").GetInt32() < (await KpiAsync(admin, "first-contact-resolution", day)).GetProperty("records").GetInt32());
    }

    private static async Task<JsonElement> KpiAsync(HttpClient admin, string id, string day) =>
        (await admin.GetFromJsonAsync<List<JsonElement>>($"/api/insights/kpis?period=month&from={day}", Json))!.Single(k => k.GetProperty("id").GetString() == id);

    private static async Task<List<JsonElement>> RecordsAsync(HttpClient admin, string id, string day) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/insights/kpis/{id}/records?period=month&from={day}", Json)).GetProperty("records").EnumerateArray()];
}
