using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Support.Sla;

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

    private static async Task<Guid> AgentAsync(HttpClient admin, string team, bool available, string languages = "en", string skills = "", int capacity = 10)
    {
        var agent = await SupportFactory.ReadAsync(await admin.PostAsJsonAsync("/api/support/agents", new { name = "Agent", email = $"agent-{Guid.NewGuid():N}@nqba.test", team, regionCode = "europe", languages, skills, capacity, available }));
        return agent.GetProperty("id").GetGuid();
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

        var warning = await factory.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == lead) && m.Subject?.Contains("warning", StringComparison.Ordinal) == true);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlaWatch>().CheckAsync(due.AddSeconds(1), CancellationToken.None);
        }

        var breach = await factory.WaitForMailAsync(m => m.To.Mailboxes.Any(a => a.Address == lead) && m.Subject?.Contains("breach", StringComparison.Ordinal) == true);
        Assert.NotNull(warning);
        Assert.NotNull(breach);
        JsonElement after = default;
        for (var i = 0; i < 50; i++)
        {
            after = await admin.GetFromJsonAsync<JsonElement>($"/api/support/tickets/{id}");
            if (after.GetProperty("ticket").GetProperty("assigneeId").GetGuid() != assignee)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(first == assignee ? second : first, after.GetProperty("ticket").GetProperty("assigneeId").GetGuid());
    }
}
