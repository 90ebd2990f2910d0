using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Onboarding;

/// <summary>Overdue steps over time (the server's clock and its due jobs, no waiting): the owner told once, then the escalation.</summary>
public sealed class OnboardingOverdueTests(OnboardingOverdueTests.Factory factory) : IClassFixture<OnboardingOverdueTests.Factory>
{
    public const string Escalations = "onboarding-escalations@nqba.test";

    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Jobs:FireOnSchedule"] = "false",
            ["Onboarding:EscalationHours"] = "24",
            ["Onboarding:EscalationEmails:0"] = Escalations,
        };
    }

    [Fact]
    public async Task AnOverdueStep_ShowsOnBothPages_ItsOwnerIsToldOnce_AndItEscalatesADayLater()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (organization, owner) = await OnboardingWorkflowTests.WonClientAsync(factory, admin);
        var specialists = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists"))!;
        var ownerEmail = specialists.Single(s => s.GetProperty("id").GetGuid() == owner).GetProperty("email").GetString()!;
        var email = $"client-{Guid.NewGuid():N}@overdue.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);

        async Task<int> MailsAsync(string to, string subject) =>
            (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(b => b.Address == to) && m.Subject?.StartsWith(subject, StringComparison.Ordinal) == true &&
                m.TextBody?.Contains(organization.ToString(), StringComparison.Ordinal) == true)).Count;
        Task<int> OwnerToldAsync() => MailsAsync(ownerEmail, "Onboarding step overdue: Contract signed");
        Task<int> EscalatedAsync() => MailsAsync(Escalations, "Escalated: onboarding step Contract signed");
        async Task AfterAsync(TimeSpan span)
        {
            factory.Clock.Advance(span);
            admin = await factory.CreateAdminClientAsync(); // yesterday's token has expired
            await factory.RunDueJobsAsync();
        }

        await AfterAsync(TimeSpan.FromHours(23)); // the contract is due a day after the win
        Assert.Equal(0, await OwnerToldAsync());

        await AfterAsync(TimeSpan.FromHours(2));
        Assert.Equal(1, await OwnerToldAsync());
        Assert.Equal(0, await EscalatedAsync());
        var contract = (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("steps")[0];
        Assert.Equal("overdue", contract.GetProperty("status").GetString());
        Assert.True(contract.GetProperty("ownerNotified").GetBoolean());
        Assert.Contains("owner reminded", await admin.GetStringAsync("/onboarding"), StringComparison.Ordinal);
        var client = await factory.CreateClientForAsync(email, password);
        Assert.Matches("data-step=\"contract\"><strong>[^<]+</strong> <span class=\"tag warn\">overdue", await client.GetStringAsync("/onboarding/mine"));

        await AfterAsync(TimeSpan.FromHours(1));
        Assert.Equal(1, await OwnerToldAsync()); // told once

        await AfterAsync(TimeSpan.FromHours(23)); // 24 hours after the owner was told
        Assert.Equal(1, await EscalatedAsync());
        Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("steps")[0].GetProperty("escalated").GetBoolean());
        await AfterAsync(TimeSpan.FromHours(30));
        Assert.Equal(1, await EscalatedAsync()); // escalated once
        Assert.Equal(1, await OwnerToldAsync());

        // A new due date starts the watch afresh; a done step is never flagged again.
        var now = (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("startedAt").GetDateTime().AddHours(23 + 2 + 1 + 23 + 30);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/onboarding/{organization}/steps/contract", new { dueAt = now.AddHours(1) })).StatusCode);
        Assert.Equal("pending", (await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}")).GetProperty("steps")[0].GetProperty("status").GetString());
        await AfterAsync(TimeSpan.FromHours(2));
        Assert.Equal(2, await OwnerToldAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/steps/contract/complete", new { evidence = "Signed at last" })).StatusCode);
        await AfterAsync(TimeSpan.FromHours(30));
        Assert.Equal(1, await EscalatedAsync());
    }
}
