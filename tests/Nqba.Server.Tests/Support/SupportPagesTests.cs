using System.Net;
using System.Net.Http.Json;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Tests.Support;

public sealed class SupportPagesTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    private async Task<HttpClient> ClientUserAsync(Guid organization)
    {
        var email = $"portal-{Guid.NewGuid():N}@support.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);
        return await factory.CreateClientForAsync(email, password);
    }

    [Fact]
    public async Task Inbox_ShowsOpenTicketsWithLiveCountdown_InGerman()
    {
        var client = await ClientUserAsync(DemoCompany.NordWerk);
        var subject = "Inbox page " + Guid.NewGuid().ToString("N")[..6];
        await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject, body = "x", priority = "Urgent" }));
        var admin = await factory.CreateAdminClientAsync();

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/support/inbox?priority=Urgent&lang=de"));
        var low = WebUtility.HtmlDecode(await admin.GetStringAsync("/support/inbox?priority=Low"));

        Assert.Contains("Support-Posteingang", page, StringComparison.Ordinal);
        Assert.Contains(subject, page, StringComparison.Ordinal);
        Assert.Contains("data-due=", page, StringComparison.Ordinal);
        Assert.Contains("/support-countdown.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain(subject, low, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TicketPage_ClientSeesConversationWithoutInternalNotesOrStaffForms()
    {
        var client = await ClientUserAsync(DemoCompany.AcmeCorp);
        var admin = await factory.CreateAdminClientAsync();
        var id = (await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "Page", body = "plain", bodyHtml = "<p>Hi <script>bad()</script><i>team</i></p>" }))).GetProperty("id").GetGuid();
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "secret staff note", @internal = true }));
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/calls", new { summary = "Phoned the client back" }));

        var asClient = WebUtility.HtmlDecode(await client.GetStringAsync($"/support/tickets/{id}?lang=ja"));
        var asStaff = WebUtility.HtmlDecode(await admin.GetStringAsync($"/support/tickets/{id}"));

        Assert.Contains("<i>team</i>", asClient, StringComparison.Ordinal);
        Assert.DoesNotContain("bad()", asClient, StringComparison.Ordinal);
        Assert.DoesNotContain("secret staff note", asClient, StringComparison.Ordinal);
        Assert.Contains("Phoned the client back", asClient, StringComparison.Ordinal);
        Assert.Contains("Phone", asClient, StringComparison.Ordinal);
        Assert.Contains("やり取り", asClient, StringComparison.Ordinal);
        Assert.DoesNotContain("/status\"", asClient, StringComparison.Ordinal);
        Assert.Contains("secret staff note", asStaff, StringComparison.Ordinal);
        Assert.Contains($"/support/tickets/{id}/status", asStaff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_ListsOnlyTheOrganizationsTickets()
    {
        var acme = await ClientUserAsync(DemoCompany.AcmeCorp);
        var sakura = await ClientUserAsync(DemoCompany.SakuraCapital);
        var subject = "Sakura only " + Guid.NewGuid().ToString("N")[..6];
        await SupportFactory.ReadAsync(await sakura.PostAsJsonAsync("/api/support/tickets", new { subject, body = "x" }));

        var acmePortal = WebUtility.HtmlDecode(await acme.GetStringAsync("/support/portal"));
        var sakuraPortal = WebUtility.HtmlDecode(await sakura.GetStringAsync("/support/portal"));

        Assert.DoesNotContain(subject, acmePortal, StringComparison.Ordinal);
        Assert.Contains(subject, sakuraPortal, StringComparison.Ordinal);
        Assert.Contains("/support/portal/new", sakuraPortal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_ClientUserOrAnonymous_IsNotShown()
    {
        var client = await ClientUserAsync(DemoCompany.AcmeCorp);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var asClient = await client.GetAsync("/support/inbox");
        var asAnonymous = await anonymous.GetAsync("/support/inbox");

        Assert.NotEqual(HttpStatusCode.OK, asAnonymous.StatusCode);
        Assert.DoesNotContain("support-inbox", await asClient.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
