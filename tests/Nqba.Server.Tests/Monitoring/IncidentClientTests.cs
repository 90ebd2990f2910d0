using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Tests.Monitoring;

public sealed class IncidentClientTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task TicketFromAffectedClient_DuringAnIncident_IsLinked_AndOneActionNotifiesTheAffectedClients()
    {
        var admin = await factory.CreateAdminClientAsync();
        var affected = await MonitoringFactory.CreateComponentAsync(admin);
        var elsewhere = await MonitoringFactory.CreateComponentAsync(admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/monitoring/clients/{DemoCompany.AcmeCorp}/services", new { services = new[] { new { component = affected, monthlyFee = 100m } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/monitoring/clients/{DemoCompany.NordWerk}/services", new { services = new[] { new { component = elsewhere, monthlyFee = 100m } } })).StatusCode);
        var acmeEmail = $"acme-{Guid.NewGuid():N}@incident.test";
        var nordEmail = $"nord-{Guid.NewGuid():N}@incident.test";
        var (_, acmePassword) = await factory.CreateUserAsync(acmeEmail, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var (_, nordPassword) = await factory.CreateUserAsync(nordEmail, NqbaRoles.Client, DemoCompany.NordWerk);
        var acme = await factory.CreateClientForAsync(acmeEmail, acmePassword);
        var nord = await factory.CreateClientForAsync(nordEmail, nordPassword);
        var opened = await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title = "API errors", components = new[] { affected }, message = "Investigating errors." });
        var incident = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var acmeTicket = await (await acme.PostAsJsonAsync("/api/support/tickets", new { subject = "API failing", body = "Every call returns 503." })).Content.ReadFromJsonAsync<JsonElement>();
        var nordTicket = await (await nord.PostAsJsonAsync("/api/support/tickets", new { subject = "Invoice", body = "Question about our invoice." })).Content.ReadFromJsonAsync<JsonElement>();
        var linked = await WaitForLinksAsync(admin, incident, 1);
        var notified = await admin.PostAsJsonAsync($"/api/monitoring/incidents/{incident}/notify-clients", new { message = "We are restoring the API; next update in 30 minutes." });
        var result = await notified.Content.ReadFromJsonAsync<JsonElement>();
        var mail = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == acmeEmail))).FirstOrDefault();
        var tooShort = await admin.PostAsJsonAsync($"/api/monitoring/incidents/{incident}/notify-clients", new { message = "" });
        var unknown = await admin.PostAsJsonAsync($"/api/monitoring/incidents/{Guid.NewGuid()}/notify-clients", new { message = "Hello there" });
        var asClient = await acme.GetAsync($"/api/monitoring/incidents/{incident}/tickets");

        var link = Assert.Single(linked);
        Assert.Equal(acmeTicket.GetProperty("id").GetGuid(), link.GetProperty("ticketId").GetGuid());
        Assert.Equal(DemoCompany.AcmeCorp, link.GetProperty("organizationId").GetGuid());
        Assert.NotEqual(nordTicket.GetProperty("id").GetGuid(), link.GetProperty("ticketId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, notified.StatusCode);
        Assert.Equal([DemoCompany.AcmeCorp], result.GetProperty("organizations").EnumerateArray().Select(o => o.GetGuid()));
        Assert.True(result.GetProperty("recipients").GetInt32() >= 1);
        Assert.NotNull(mail);
        Assert.Contains("API errors", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("next update in 30 minutes", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == nordEmail)));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asClient.StatusCode);
    }

    [Fact]
    public async Task TicketAfterTheIncidentResolved_IsNotLinked()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var organization = DemoCompany.NordWerk;
        await admin.PutAsJsonAsync($"/api/monitoring/clients/{organization}/services", new { services = new[] { new { component, monthlyFee = 10m } } });
        var incident = (await (await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title = "Blip", components = new[] { component }, message = "m" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync($"/api/monitoring/incidents/{incident}/updates", new { status = "Resolved", message = "Fixed." });
        var email = $"late-{Guid.NewGuid():N}@incident.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);
        var client = await factory.CreateClientForAsync(email, password);

        var ticket = await client.PostAsJsonAsync("/api/support/tickets", new { subject = "After", body = "Was there an outage?" });
        await factory.DeliverEventsAsync();
        var links = await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/incidents/{incident}/tickets");

        Assert.Equal(HttpStatusCode.Created, ticket.StatusCode);
        Assert.Empty(links!);
    }

    /// <summary>The incident's linked tickets once the events of the tickets just opened are delivered (linking subscribes to them).</summary>
    private async Task<JsonElement[]> WaitForLinksAsync(HttpClient admin, Guid incident, int count)
    {
        await factory.DeliverEventsAsync();
        var links = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/incidents/{incident}/tickets"))!;
        Assert.True(links.Length >= count, $"{links.Length} linked tickets, expected {count}");
        return links;
    }
}
