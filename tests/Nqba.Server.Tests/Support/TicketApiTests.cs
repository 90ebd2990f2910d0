using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Tests.Support;

public sealed class TicketApiTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    private async Task<HttpClient> ClientUserAsync(Guid organization)
    {
        var email = $"client-{Guid.NewGuid():N}@support.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);
        return await factory.CreateClientForAsync(email, password);
    }

    [Fact]
    public async Task PortalTicket_ClientOpens_RegionFromOrganizationAndSlaClocksSet()
    {
        var client = await ClientUserAsync(DemoCompany.NordWerk);

        var ticket = await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "Login fails", body = "Since this morning nobody can log in.", priority = "Urgent" }));

        Assert.Equal("Portal", ticket.GetProperty("channel").GetString());
        Assert.Equal("Urgent", ticket.GetProperty("priority").GetString());
        Assert.Equal("New", ticket.GetProperty("status").GetString());
        Assert.Equal(DemoCompany.NordWerk, ticket.GetProperty("organizationId").GetGuid());
        Assert.Equal("europe", ticket.GetProperty("regionCode").GetString());
        Assert.Equal("Urgent ticket", ticket.GetProperty("slaPolicy").GetString());
        Assert.Equal(JsonValueKind.String, ticket.GetProperty("firstResponse").GetProperty("dueAt").ValueKind);
        Assert.True(ticket.GetProperty("number").GetInt64() > 1000);
    }

    [Fact]
    public async Task ClientUser_SeesOnlyTheirOrganizationsTickets()
    {
        var acme = await ClientUserAsync(DemoCompany.AcmeCorp);
        var nord = await ClientUserAsync(DemoCompany.NordWerk);
        var acmeTicket = await SupportFactory.ReadAsync(await acme.PostAsJsonAsync("/api/support/tickets", new { subject = "Acme only", body = "private" }));
        var id = acmeTicket.GetProperty("id").GetGuid();

        var asNord = await nord.GetAsync($"/api/support/tickets/{id}");
        var nordList = await nord.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets");
        var nordReply = await nord.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "let me in" });
        var admin = await factory.CreateAdminClientAsync();
        var asStaff = await admin.GetAsync($"/api/support/tickets/{id}");

        Assert.Equal(HttpStatusCode.NotFound, asNord.StatusCode);
        Assert.DoesNotContain(nordList!, t => t.GetProperty("id").GetGuid() == id);
        Assert.All(nordList!, t => Assert.Equal(DemoCompany.NordWerk, t.GetProperty("organizationId").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, nordReply.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asStaff.StatusCode);
    }

    [Fact]
    public async Task Message_HtmlWithScripts_IsStoredSanitized()
    {
        var client = await ClientUserAsync(DemoCompany.AcmeCorp);
        var html = "<p onclick=\"steal()\">Hello <b>there</b></p><script>alert(1)</script><a href=\"javascript:alert(2)\">x</a><img src=x onerror=alert(3)>";

        var ticket = await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "HTML", body = "see html", bodyHtml = html }));
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{ticket.GetProperty("id").GetGuid()}");

        var stored = detail.GetProperty("messages")[0].GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<b>there</b>", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", stored, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Attachment_OverTheLimit_Returns413NamingTheFieldAndWritesNothing()
    {
        var client = await ClientUserAsync(DemoCompany.SakuraCapital);
        var big = Convert.ToBase64String(new byte[1001]);
        var before = await client.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets");

        var response = await client.PostAsJsonAsync("/api/support/tickets", new
        {
            subject = "With file",
            body = "see attached",
            attachments = new[] { new { fileName = "ok.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("fine"u8.ToArray()) }, new { fileName = "big.bin", contentType = "application/octet-stream", contentBase64 = big } },
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("attachments[1]", out _));
        var after = await client.GetFromJsonAsync<List<JsonElement>>("/api/support/tickets");
        Assert.Equal(before!.Count, after!.Count);
    }

    [Fact]
    public async Task Attachment_WithinTheLimit_IsKeptAndDownloadable()
    {
        var client = await ClientUserAsync(DemoCompany.SakuraCapital);
        var ticket = await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new
        {
            subject = "Log file",
            body = "attached",
            attachments = new[] { new { fileName = "app.log", contentType = "text/plain", contentBase64 = Convert.ToBase64String("line 1\nline 2"u8.ToArray()) } },
        }));
        var id = ticket.GetProperty("id").GetGuid();

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");
        var file = detail.GetProperty("messages")[0].GetProperty("attachments")[0];
        var content = await client.GetByteArrayAsync($"/api/support/tickets/{id}/attachments/{file.GetProperty("id").GetGuid()}");

        // The column as stored, read past the entity (which would decrypt it).
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Content\" FROM support_attachments WHERE upper(CAST(\"Id\" AS TEXT)) = '{file.GetProperty("id").GetGuid().ToString().ToUpperInvariant()}'";
        var stored = (byte[])(await command.ExecuteScalarAsync())!;
        var size = await db.Attachments.IgnoreQueryFilters().Where(a => a.Id == file.GetProperty("id").GetGuid()).Select(a => a.Size).SingleAsync();

        Assert.Equal("app.log", file.GetProperty("fileName").GetString());
        Assert.Equal("line 1\nline 2"u8.ToArray(), content);
        Assert.True(stored.AsSpan().IndexOf("line 1"u8) < 0, "the file's bytes are encrypted at rest");
        Assert.Equal("NQE1"u8.ToArray(), stored[..4]);
        Assert.Equal(13, size);
    }

    [Fact]
    public async Task Statuses_PendingPausesSlaAndClientReplyResumes_SolvedThenClientReplyReopens()
    {
        var client = await ClientUserAsync(DemoCompany.AcmeCorp);
        var admin = await factory.CreateAdminClientAsync();
        var id = (await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "Question", body = "How do I export?" }))).GetProperty("id").GetGuid();

        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "Which format do you need?" }));
        var pending = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/status", new { status = "PendingOnClient" }));
        await SupportFactory.ReadAsync(await client.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "CSV please" }));
        var resumed = await client.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "Settings > Export > CSV." }));
        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/status", new { status = "Solved" }));
        await SupportFactory.ReadAsync(await client.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "It does not work" }));
        var reopened = await client.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");

        Assert.True(pending.GetProperty("slaPaused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("resolution").GetProperty("dueAt").ValueKind);
        Assert.Equal("Open", resumed.GetProperty("ticket").GetProperty("status").GetString());
        Assert.False(resumed.GetProperty("ticket").GetProperty("slaPaused").GetBoolean());
        Assert.Equal(JsonValueKind.String, resumed.GetProperty("ticket").GetProperty("nextResponse").GetProperty("dueAt").ValueKind);
        Assert.Equal("Reopened", reopened.GetProperty("ticket").GetProperty("status").GetString());
        var statuses = reopened.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ToList();
        Assert.Equal(["Open", "PendingOnClient", "Open", "Solved", "Reopened"], statuses);
    }

    [Fact]
    public async Task Open_ThirtyTwoAtOnceForThreeRounds_AllSucceedWithUniqueConsecutiveNumbers()
    {
        var admin = await factory.CreateAdminClientAsync();

        for (var round = 0; round < 3; round++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
                admin.PostAsJsonAsync("/api/support/tickets", new { subject = $"Load {round}/{i}", body = "Everything is slow", requesterName = "Caller", channel = "Phone" })));

            var numbers = new List<long>();
            foreach (var response in responses)
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt64());
            }

            numbers.Sort();
            Assert.Equal(Enumerable.Range(0, 32).Select(i => numbers[0] + i), numbers);
        }
    }

    [Fact]
    public async Task ChangePriority_ChoosesTheUrgentPolicy_RecomputesTheClocks_AndIsAudited()
    {
        var admin = await factory.CreateAdminClientAsync();
        var ticket = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Reports are slow", body = "Since Monday", requesterName = "Caller", channel = "Phone" }));
        var id = ticket.GetProperty("id").GetGuid();
        var normalDue = ticket.GetProperty("firstResponse").GetProperty("dueAt").GetDateTime();

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/support/tickets/{id}/priority") { Content = JsonContent.Create(new { priority = "Urgent" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale)).StatusCode);
        var bad = await admin.PostAsJsonAsync($"/api/support/tickets/{id}/priority", new { priority = "Whenever" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var changed = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/priority", new { priority = "Urgent" }));

        Assert.Equal("Urgent", changed.GetProperty("priority").GetString());
        Assert.Equal("Urgent ticket", changed.GetProperty("slaPolicy").GetString());
        Assert.True(changed.GetProperty("firstResponse").GetProperty("dueAt").GetDateTime() < normalDue);
        Assert.Equal(changed.GetProperty("nextDueAt").GetDateTime(), changed.GetProperty("firstResponse").GetProperty("dueAt").GetDateTime());
        Assert.Single((await admin.GetFromJsonAsync<List<JsonElement>>($"/api/audit?action=support.ticket.priority-changed&entityId={id}"))!);
    }

    [Fact]
    public async Task InternalNote_IsHiddenFromTheClient()
    {
        var client = await ClientUserAsync(DemoCompany.PacificRetail);
        var admin = await factory.CreateAdminClientAsync();
        var id = (await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "Billing", body = "Invoice wrong" }))).GetProperty("id").GetGuid();

        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "Customer is on the old plan", @internal = true }));

        var asClient = await client.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");
        var asStaff = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");
        Assert.Equal(1, asClient.GetProperty("messages").GetArrayLength());
        Assert.Equal(2, asStaff.GetProperty("messages").GetArrayLength());
        Assert.Equal("New", asStaff.GetProperty("ticket").GetProperty("status").GetString()); // a note answers nobody
    }

    [Fact]
    public async Task PhoneCall_LoggedWithCallback_CreatesCallbackTaskAndAnswersTheTicket()
    {
        var admin = await factory.CreateAdminClientAsync();
        var ticket = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new
        {
            subject = "Caller cannot sync",
            body = "Called about sync errors",
            channel = "Phone",
            requesterName = "Hana Sato",
            requesterEmail = "hana@sakura.example",
            organizationId = DemoCompany.SakuraCapital,
        }));
        var id = ticket.GetProperty("id").GetGuid();
        var callbackAt = DateTime.UtcNow.AddHours(3);

        await SupportFactory.ReadAsync(await admin.PostAsJsonAsync($"/api/support/tickets/{id}/calls", new { summary = "Walked through re-sync; will call back", direction = "Outbound", durationSeconds = 420, callbackAt, callbackNote = "Check sync finished" }));

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");
        var callbacks = await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/callbacks");
        Assert.Equal("apac", detail.GetProperty("ticket").GetProperty("regionCode").GetString());
        Assert.Equal("Phone", detail.GetProperty("ticket").GetProperty("channel").GetString());
        Assert.Equal("Open", detail.GetProperty("ticket").GetProperty("status").GetString());
        var call = detail.GetProperty("messages")[1];
        Assert.Equal("Phone", call.GetProperty("channel").GetString());
        Assert.Equal("Outbound", call.GetProperty("callDirection").GetString());
        Assert.Equal(420, call.GetProperty("callSeconds").GetInt32());
        Assert.Contains(callbacks!, c => c.GetProperty("ticketId").GetGuid() == id && c.GetProperty("note").GetString() == "Check sync finished");
    }

    /// <summary>A team of its own whose one agent is on call this week; returns its code and the agent's address.</summary>
    private static async Task<(string Team, string Pager)> OnCallTeamAsync(HttpClient admin, string prefix)
    {
        var teamCode = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        var team = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/teams", new { code = teamCode, name = "On call " + prefix }));
        var pagerAddress = $"oncall-{Guid.NewGuid():N}@nqba.test";
        var agent = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/agents", new { name = "On Call", email = pagerAddress, team = teamCode, regionCode = "europe" }));
        await SupportFactory.ReadAsync(await admin.PutAsJsonAsync($"/api/support/teams/{team.GetProperty("id").GetGuid()}/on-call", new { agentIds = new[] { agent.GetProperty("id").GetGuid() }, start = DateTime.UtcNow.AddDays(-1), shiftHours = 24 * 7 }));
        return (teamCode, pagerAddress);
    }

    [Fact]
    public async Task Hotline_OpensEmergencyAndPagesTheOnCallAgentByEmail()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (teamCode, pagerAddress) = await OnCallTeamAsync(admin, "ops");

        var ticket = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Trading desk down", body = "Nothing loads", channel = "Hotline", requesterName = "Caller", team = teamCode }));

        Assert.Equal("Emergency", ticket.GetProperty("priority").GetString());
        Assert.Equal("Emergency", ticket.GetProperty("slaPolicy").GetString());
        var due = ticket.GetProperty("firstResponse").GetProperty("dueAt").GetDateTime();
        Assert.Equal(TimeSpan.FromMinutes(15), due - ticket.GetProperty("createdAt").GetDateTime());
        var page = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == pagerAddress))).FirstOrDefault();
        Assert.NotNull(page);
        Assert.Contains($"#{ticket.GetProperty("number").GetInt64()}", page.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PriorityRaisedToEmergency_PagesTheOnCallAgentOnce()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (teamCode, pagerAddress) = await OnCallTeamAsync(admin, "raise");
        var ticket = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Slow reports", body = "Reports take minutes", channel = "Phone", requesterName = "Caller", team = teamCode }));
        var id = ticket.GetProperty("id").GetGuid();
        Assert.Empty(await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == pagerAddress)));

        var raised = await admin.PostAsJsonAsync($"/api/support/tickets/{id}/priority", new { priority = "Emergency" });
        var again = await admin.PostAsJsonAsync($"/api/support/tickets/{id}/priority", new { priority = "Emergency" });

        Assert.Equal(HttpStatusCode.OK, raised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == pagerAddress))).FirstOrDefault();
        Assert.NotNull(page);
        Assert.Contains($"#{ticket.GetProperty("number").GetInt64()}", page.Subject, StringComparison.Ordinal);
        Assert.Single(await factory.MailsWithAsync(pagerAddress));
    }

    [Fact]
    public async Task WebForm_Anonymous_OpensTicketAndRevealsOnlyItsNumber()
    {
        var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/support/requests", new { name = "Visitor", email = "visitor@example.org", subject = "Pricing", message = "Do you offer trials?" });
        var bad = await anonymous.PostAsJsonAsync("/api/support/requests", new { name = "", email = "nope", subject = "x", message = "y" });

        var receipt = await SupportFactory.ReadAsync(response);
        Assert.Single(receipt.EnumerateObject());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.Contains("email", fields);
        Assert.Contains("name", fields);
    }

    [Fact]
    public async Task ClientUser_CannotOpenAnEmergencyOrWriteInternalNotes()
    {
        var client = await ClientUserAsync(DemoCompany.AcmeCorp);

        var emergency = await client.PostAsJsonAsync("/api/support/tickets", new { subject = "x", body = "y", priority = "Emergency" });
        var id = (await SupportFactory.ReadAsync(await client.PostAsJsonAsync("/api/support/tickets", new { subject = "x", body = "y" }))).GetProperty("id").GetGuid();
        var note = await client.PostAsJsonAsync($"/api/support/tickets/{id}/messages", new { body = "secret", @internal = true });

        Assert.Equal(HttpStatusCode.BadRequest, emergency.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, note.StatusCode);
    }
}
