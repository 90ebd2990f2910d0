using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Tests.Support;

public sealed class EscalationTests(SupportFactory factory) : IClassFixture<SupportFactory>
{
    private static async Task<(string Code, Guid TeamId, string Lead)> TeamAsync(HttpClient admin)
    {
        var code = "t-" + Guid.NewGuid().ToString("N")[..8];
        var lead = $"lead-{Guid.NewGuid():N}@nqba.test";
        var team = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/teams", new { code, name = "Team " + code, leadEmail = lead }));
        return (code, team.GetProperty("id").GetGuid(), lead);
    }

    private static async Task<Guid> AgentAsync(HttpClient admin, string team, bool available, string languages = "en", string skills = "", int capacity = 10, string? email = null, Guid? userId = null)
    {
        var agent = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/agents", new { name = "Agent", email = email ?? $"agent-{Guid.NewGuid():N}@nqba.test", team, regionCode = "europe", languages, skills, capacity, available, userId }));
        return agent.GetProperty("id").GetGuid();
    }

    private async Task CheckAsync(DateTime now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SlaWatch>().CheckAsync(now, CancellationToken.None);
    }

    private static DateTime Instant(JsonElement ticket, string clock, string instant) => ticket.GetProperty(clock).GetProperty(instant).GetDateTime().ToUniversalTime();

    [Fact]
    public async Task EmergencyWarning_AndUrgentBreach_PageTheOnCallAgent_AnUrgentWarningDoesNot()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (code, teamId, _) = await TeamAsync(admin);
        var pagerEmail = $"oncall-{Guid.NewGuid():N}@nqba.test";
        var onCall = await AgentAsync(admin, code, available: false, email: pagerEmail);
        await SupportFactory.ReadAsync(await admin.PutAsJsonAsync($"/api/support/teams/{teamId}/on-call", new { agentIds = new[] { onCall }, start = DateTime.UtcNow.AddHours(-1), shiftHours = 24 }));
        var emergency = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Platform down", body = "x", requesterName = "Client", team = code, priority = "Emergency" }));
        var urgent = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Invoices fail", body = "x", requesterName = "Client", team = code, priority = "Urgent" }));
        var emergencyNumber = $"#{emergency.GetProperty("number").GetInt64()}";
        var urgentNumber = $"#{urgent.GetProperty("number").GetInt64()}";

        await CheckAsync(Instant(emergency, "firstResponse", "warnAt").AddSeconds(1));
        var warningPage = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == pagerEmail)
            && m.Subject?.Contains(emergencyNumber, StringComparison.Ordinal) == true && m.TextBody?.StartsWith("SLA warning", StringComparison.Ordinal) == true)).FirstOrDefault();
        await CheckAsync(Instant(urgent, "firstResponse", "dueAt").AddSeconds(1));
        var breachPage = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == pagerEmail)
            && m.Subject?.Contains(urgentNumber, StringComparison.Ordinal) == true && m.TextBody?.StartsWith("SLA breach", StringComparison.Ordinal) == true)).FirstOrDefault();

        Assert.NotNull(warningPage);
        Assert.Contains("(Emergency)", warningPage.Subject, StringComparison.Ordinal);
        Assert.NotNull(breachPage);
        Assert.Contains("(Urgent)", breachPage.Subject, StringComparison.Ordinal);

        // The urgent ticket's warning, its events delivered, only notifies the lead.
        Assert.Empty(await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == pagerEmail)
            && m.Subject?.Contains(urgentNumber, StringComparison.Ordinal) == true && m.TextBody?.StartsWith("SLA warning", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task AgentAway_GetsNoNewTickets_BackAvailable_GetsThemAgain()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (code, _, _) = await TeamAsync(admin);
        var email = $"me-{Guid.NewGuid():N}@nqba.test";
        var (userId, password) = await factory.CreateUserAsync(email, NqbaRoles.SupportAgent);
        var me = await factory.CreateClientForAsync(email, password, await factory.EnableTotpAsync(email));
        var agent = await AgentAsync(admin, code, available: true, email: email, userId: userId);

        var away = await me.PutAsJsonAsync("/api/support/agents/me/availability", new { available = false });
        var whileAway = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "While away", body = "x", requesterName = "Client", team = code }));
        var listed = await admin.GetFromJsonAsync<List<JsonElement>>("/api/support/agents");
        var back = await me.PutAsJsonAsync("/api/support/agents/me/availability", new { available = true });
        var afterBack = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "After break", body = "x", requesterName = "Client", team = code }));
        var notAnAgent = await admin.PutAsJsonAsync("/api/support/agents/me/availability", new { available = true });

        Assert.Equal(HttpStatusCode.NoContent, away.StatusCode);
        Assert.False(listed!.Single(a => a.GetProperty("id").GetGuid() == agent).GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, whileAway.GetProperty("assigneeId").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, back.StatusCode);
        Assert.Equal(agent, afterBack.GetProperty("assigneeId").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, notAnAgent.StatusCode);
    }

    [Fact]
    public async Task NewTicket_GoesToAnAvailableAgentOfTheTeamWithTheSkillAndLanguage()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (code, _, _) = await TeamAsync(admin);
        var away = await AgentAsync(admin, code, available: false, languages: "de", skills: "sso");
        var noSkill = await AgentAsync(admin, code, available: true, languages: "de");
        var fit = await AgentAsync(admin, code, available: true, languages: "de,en", skills: "sso,billing");

        var ticket = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "SSO", body = "SAML fails", requesterName = "Kunde", team = code, tags = "sso", language = "de" }));

        Assert.Equal(fit, ticket.GetProperty("assigneeId").GetGuid());
        Assert.NotEqual(away, fit);
        Assert.NotEqual(noSkill, fit);
    }

    [Fact]
    public async Task Warning_NotifiesTheTeamLead_Breach_ReassignsToAnotherAgent()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (code, _, lead) = await TeamAsync(admin);
        var first = await AgentAsync(admin, code, available: true);
        var second = await AgentAsync(admin, code, available: true);
        var created = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/tickets", new { subject = "Escalate me", body = "x", requesterName = "Client", team = code, priority = "Urgent" }));
        var id = created.GetProperty("id").GetGuid();
        var assignee = created.GetProperty("assigneeId").GetGuid();
        var due = created.GetProperty("firstResponse").GetProperty("dueAt").GetDateTime().ToUniversalTime();
        var warn = created.GetProperty("firstResponse").GetProperty("warnAt").GetDateTime().ToUniversalTime();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlaWatch>().CheckAsync(warn.AddSeconds(1), CancellationToken.None);
        }

        var warning = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == lead) && m.Subject?.Contains("warning", StringComparison.Ordinal) == true)).FirstOrDefault();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlaWatch>().CheckAsync(due.AddSeconds(1), CancellationToken.None);
        }

        var breach = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == lead) && m.Subject?.Contains("breach", StringComparison.Ordinal) == true)).FirstOrDefault();
        Assert.NotNull(warning);
        Assert.NotNull(breach);
        await factory.DeliverEventsAsync();
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");

        Assert.Equal(first == assignee ? second : first, after.GetProperty("ticket").GetProperty("assigneeId").GetGuid());
        // The reassignment is an assignment like any other: it raises TicketAssigned.
        Assert.Equal(1, await factory.EventCountAsync("support.ticket-assigned", id));
    }
}
