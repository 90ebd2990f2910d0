using System.Net;
using System.Net.Http.Json;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

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
        Assert.DoesNotContain($"/support/tickets/{id}/status", asClient, StringComparison.Ordinal);
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
        Assert.Contains("href=\"/help\"", sakuraPortal, StringComparison.Ordinal);
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

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task RequestPage_AnonymousInGerman_WithTheAntiforgeryToken_OpensAWebFormTicket()
    {
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var admin = await factory.CreateAdminClientAsync();
        var page = await anonymous.GetStringAsync("/support/request?lang=de");
        var token = AntiforgeryTokens.From(page);
        var subject = "Web form " + Guid.NewGuid().ToString("N")[..6];

        var posted = await anonymous.PostAsync("/support/request/submit", Form(("__RequestVerificationToken", token), ("Lang", "de"), ("Name", "Kunde"), ("Email", "kunde@client.example"), ("Subject", subject), ("Body", "Bitte helfen")));
        var badEmail = await anonymous.PostAsync("/support/request/submit", Form(("__RequestVerificationToken", token), ("Lang", "de"), ("Name", "Kunde"), ("Email", "nope"), ("Subject", "x"), ("Body", "y")));
        var forged = await factory.CreateClient().PostAsync("/support/request/submit", Form(("Name", "Bot"), ("Email", "bot@spam.example"), ("Subject", "spam"), ("Body", "spam")));
        var sent = WebUtility.HtmlDecode(await anonymous.GetStringAsync(posted.Headers.Location!.OriginalString));
        var tickets = await admin.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/support/tickets?channel=WebForm");

        Assert.Contains("Support anfragen", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("action=\"/support/request/submit\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var ticket = Assert.Single(tickets!, t => t.GetProperty("subject").GetString() == subject);
        Assert.Equal("de", ticket.GetProperty("language").GetString());
        Assert.Contains($"#{ticket.GetProperty("number").GetInt64()}", sent, StringComparison.Ordinal);
        Assert.Contains("ist eingegangen", sent, StringComparison.Ordinal);
        Assert.Contains("error=email", badEmail.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/support/request?lang=ja")).StatusCode);
    }

    [Fact]
    public async Task HelpCentre_SearchesPublicArticlesOfTheLanguage_AndShowsOneArticle_NeverAnInternalOne()
    {
        var admin = await factory.CreateAdminClientAsync();
        var word = SupportChat.KnowledgeBaseTests.Unique();
        var slug = "help-" + word;
        await SupportChat.KnowledgeBaseTests.CreateAsync(admin, $"Rotate the {word} key", $"Open **Security** and rotate the {word} key.", "en", slug: slug);
        await SupportChat.KnowledgeBaseTests.CreateAsync(admin, $"Den {word} Schlüssel wechseln", $"Öffnen Sie **Sicherheit** und wechseln Sie den {word} Schlüssel.", "de", slug: slug);
        await SupportChat.KnowledgeBaseTests.CreateAsync(admin, $"Internal {word} runbook", $"Staff only: {word} master password.", "en", visibility: "Internal", slug: "internal-" + word);
        var anonymous = factory.CreateClient();

        var english = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/help?q={word}&lang=en"));
        var german = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/help?lang=de"));
        var article = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/help/en/{slug}"));
        var hidden = await anonymous.GetAsync($"/help/en/internal-{word}");

        Assert.Contains($"Rotate the {word} key", english, StringComparison.Ordinal);
        Assert.DoesNotContain($"Internal {word} runbook", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Schlüssel wechseln", english, StringComparison.Ordinal);
        Assert.Contains($"Den {word} Schlüssel wechseln", german, StringComparison.Ordinal);
        Assert.Contains("Hilfe-Center", german, StringComparison.Ordinal);
        Assert.Contains("<strong>Security</strong>", article, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("master password", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TicketPage_StaffSeesArticleSuggestions_TheClientDoesNot()
    {
        var client = await ClientUserAsync(DemoCompany.AcmeCorp);
        var admin = await factory.CreateAdminClientAsync();
        var word = SupportChat.KnowledgeBaseTests.Unique();
        await SupportChat.KnowledgeBaseTests.CreateAsync(admin, $"Renew an expired {word} certificate", $"Upload the new {word} certificate under **Settings**.", "en");
        var id = (await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = $"Our {word} certificate expired", body = "The login page warns about it." }))).GetProperty("id").GetGuid();

        var asStaff = WebUtility.HtmlDecode(await admin.GetStringAsync($"/support/tickets/{id}"));
        var asClient = WebUtility.HtmlDecode(await client.GetStringAsync($"/support/tickets/{id}"));

        Assert.Contains("kb-suggestions", asStaff, StringComparison.Ordinal);
        Assert.Contains($"Renew an expired {word} certificate", asStaff, StringComparison.Ordinal);
        Assert.DoesNotContain("kb-suggestions", asClient, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_AgentTogglesAvailability_AndGetsNoNewTicketsWhileAway()
    {
        var admin = await factory.CreateAdminClientAsync();
        var code = "t-" + Guid.NewGuid().ToString("N")[..8];
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/teams", new { code, name = "Team " + code }));
        var email = $"inbox-{Guid.NewGuid():N}@nqba.test";
        var (userId, password) = await factory.CreateUserAsync(email, NqbaRoles.SupportAgent);
        var agent = await factory.CreateClientForAsync(email, password, await factory.EnableTotpAsync(email));
        var agentId = (await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/agents", new { name = "Inbox agent", email, team = code, regionCode = "europe", userId, available = true }))).GetProperty("id").GetGuid();

        var before = WebUtility.HtmlDecode(await agent.GetStringAsync("/support/inbox?lang=de"));
        var toggled = await agent.PostAsync("/support/inbox/availability", Form(("__RequestVerificationToken", AntiforgeryTokens.From(before)), ("Available", "false")));
        // ?lang= is remembered (culture cookie): English is asked for again explicitly.
        var after = WebUtility.HtmlDecode(await agent.GetStringAsync("/support/inbox?lang=en"));
        var ticket = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "While away", body = "x", requesterName = "Client", team = code }));
        var agents = await admin.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/support/agents");
        var adminInbox = WebUtility.HtmlDecode(await admin.GetStringAsync("/support/inbox"));

        Assert.Contains("Verfügbar: Sie erhalten neue Tickets", before, StringComparison.Ordinal);
        Assert.Contains("Auf abwesend setzen", before, StringComparison.Ordinal);
        Assert.True(toggled.IsSuccessStatusCode, $"{(int)toggled.StatusCode}");
        Assert.Contains("Away: you get no new tickets", after, StringComparison.Ordinal);
        Assert.Contains("Set available", after, StringComparison.Ordinal);
        Assert.False(agents!.Single(a => a.GetProperty("id").GetGuid() == agentId).GetProperty("available").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ticket.GetProperty("assigneeId").ValueKind);
        Assert.DoesNotContain("data-testid=\"availability\"", adminInbox, StringComparison.Ordinal);
    }
}
