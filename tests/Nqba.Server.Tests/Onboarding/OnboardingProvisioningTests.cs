using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Security;
using Nqba.Server.Tests.Pipeline;
using Nqba.Testing;

namespace Nqba.Server.Tests.Onboarding;

/// <summary>
/// Staff provision a client's users from the onboarding: each in exactly that organization with exactly the asked
/// role, invited to set a password through a one-use link; the provisioning step completes itself.
/// </summary>
public sealed partial class OnboardingProvisioningTests(OnboardingProvisioningTests.Factory factory) : IClassFixture<OnboardingProvisioningTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:FireOnSchedule"] = "false" };
    }

    internal static async Task<Guid> WonClientAsync(NqbaFactory factory, HttpClient admin)
    {
        var (leadId, _) = await PipelineApiTests.RoutedLeadAsync(factory, admin);
        var deal = await PipelineApiTests.DealOfLeadAsync(admin, leadId);
        var id = deal.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/pipeline/deals/{id}", new { value = 9000m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/pipeline/deals/{id}/stage", new { stage = "won" })).StatusCode);
        await factory.DeliverEventsAsync();
        return deal.GetProperty("organizationId").GetGuid();
    }

    private static string Email(string who) => $"{who}-{Guid.NewGuid():N}@client.example";

    private async Task<List<(Guid Organization, IList<string> Roles, bool HasPassword)>> AccountsAsync(params string[] emails)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
        var found = new List<(Guid, IList<string>, bool)>();
        foreach (var email in emails)
        {
            if (await users.FindByEmailAsync(email) is { } user)
            {
                found.Add((user.ClientOrganizationId ?? Guid.Empty, await users.GetRolesAsync(user), user.PasswordHash is not null));
            }
        }

        return found;
    }

    /// <summary>The set-password link of the newest invitation to <paramref name="email"/>.</summary>
    private async Task<(string User, string Token)> InvitationLinkAsync(string email)
    {
        var mail = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == email))).Last();
        var match = InvitationLink().Match(mail.TextBody ?? mail.HtmlBody ?? string.Empty);
        Assert.True(match.Success, mail.TextBody);
        return (match.Groups[1].Value, Uri.UnescapeDataString(match.Groups[2].Value));
    }

    /// <summary>Opens the set-password page and posts the form, as a browser does; returns where it redirects.</summary>
    private async Task<string> SetPasswordAsync(string user, string token, string password, string? confirm = null)
    {
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync($"/account/set-password?user={user}&token={Uri.EscapeDataString(token)}");
        var posted = await browser.PostAsync("/account/set-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryTokens.From(page),
            ["User"] = user,
            ["Token"] = token,
            ["Password"] = password,
            ["Confirm"] = confirm ?? password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return posted.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Provision_CreatesUsersWithExactlyTheRole_InThatOrganizationOnly_InvitedToSetAPassword_AndCompletesTheStep()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await WonClientAsync(factory, admin);
        var other = await WonClientAsync(factory, admin);
        string[] emails = [Email("ada"), Email("bo")];

        var response = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users", new
        {
            users = new[] { new { email = emails[0], name = "Ada Admin", role = NqbaRoles.Client }, new { email = emails[1], name = "Bo Buyer", role = NqbaRoles.Client } },
            language = "de",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("created").GetInt32());
        var accounts = await AccountsAsync(emails);
        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, a =>
        {
            Assert.Equal(organization, a.Organization);
            Assert.Equal([NqbaRoles.Client], a.Roles);
            Assert.False(a.HasPassword);
        });
        var step = body.GetProperty("onboarding").GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "provisioning");
        Assert.Equal("done", step.GetProperty("status").GetString());
        Assert.StartsWith("2 users provisioned (2 new)", step.GetProperty("evidence").GetString(), StringComparison.Ordinal);

        // The invitation is in the asked language; the ledger names the users by id only.
        var invitation = (await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == emails[0]))).Single();
        Assert.Contains("Passwort festlegen", invitation.TextBody, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            List<string> ledger = [.. await platform.AuditEntries.Select(e => e.Action + e.Before + e.After).ToListAsync(), .. await platform.StagedAuditEntries.Select(e => e.Action + e.Before + e.After).ToListAsync()];
            Assert.Contains(ledger, e => e.StartsWith("onboarding.users.provisioned", StringComparison.Ordinal));
            Assert.DoesNotContain(ledger, e => e.Contains(emails[0], StringComparison.OrdinalIgnoreCase) || e.Contains("Ada Admin", StringComparison.Ordinal));
        }

        // The invited user sets a password and signs in: their own onboarding only, never another organization's.
        var (user, token) = await InvitationLinkAsync(emails[0]);
        Assert.Equal("/account/login?set=1", await SetPasswordAsync(user, token, "Tr0ubadour-Horse"));
        var client = await factory.CreateClientForAsync(emails[0], "Tr0ubadour-Horse");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/onboarding/{organization}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/onboarding/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/onboarding")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/onboarding/{other}/users", new { users = new[] { new { email = Email("eve"), name = "Eve", role = NqbaRoles.Client } } })).StatusCode);
        var tickets = await client.GetFromJsonAsync<JsonElement>("/api/support/tickets");
        Assert.DoesNotContain(other.ToString(), tickets.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationLink_SetsThePasswordOnce_ASecondUseIsRefused()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await WonClientAsync(factory, admin);
        var email = Email("once");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users", new { users = new[] { new { email, name = "Onc E", role = NqbaRoles.Client } } })).StatusCode);
        var (user, token) = await InvitationLinkAsync(email);

        Assert.Contains("error=confirm", await SetPasswordAsync(user, token, "Tr0ubadour-Horse", "Tr0ubadour-Horsf"), StringComparison.Ordinal);
        Assert.Contains("error=password", await SetPasswordAsync(user, token, "short"), StringComparison.Ordinal);
        Assert.Equal("/account/login?set=1", await SetPasswordAsync(user, token, "Tr0ubadour-Horse"));
        Assert.Equal("/account/set-password?error=expired", await SetPasswordAsync(user, token, "An0ther-Password!"));

        // The first password stands; the second attempt changed nothing.
        await factory.CreateClientForAsync(email, "Tr0ubadour-Horse");
        var refused = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email, password = "An0ther-Password!" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task ProvisioningAgain_CreatesNoDuplicate_AndSendsNoSecondInvitation()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await WonClientAsync(factory, admin);
        var email = Email("twice");
        var batch = new { users = new[] { new { email, name = "Twi Ce", role = NqbaRoles.Client } } };

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users", batch)).StatusCode);
        var again = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users", batch);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        Assert.Single(await AccountsAsync(email));
        Assert.Single(await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == email)));
    }

    [Fact]
    public async Task AnAddressOfAnotherOrganization_IsA409NamingTheField_AndNothingOfTheBatchIsWritten()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await WonClientAsync(factory, admin);
        var other = await WonClientAsync(factory, admin);
        var taken = Email("taken");
        await factory.CreateUserAsync(taken, NqbaRoles.Client, other);
        var fresh = Email("fresh");

        var response = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users", new
        {
            users = new[] { new { email = fresh, name = "Fre Sh", role = NqbaRoles.Client }, new { email = taken, name = "Ta Ken", role = NqbaRoles.Client } },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("\"users[1].email\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await AccountsAsync(fresh));
        Assert.Equal(other, (await AccountsAsync(taken)).Single().Organization);
        var onboarding = await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{organization}");
        Assert.Equal("pending", onboarding.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "provisioning").GetProperty("status").GetString());
    }

    [Fact]
    public async Task BadInput_IsA400NamingEachField_AndNothingIsWritten()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await WonClientAsync(factory, admin);
        var good = Email("good");

        var response = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users", new
        {
            users = new[]
            {
                new { email = good, name = "Go Od", role = NqbaRoles.Client },
                new { email = "not-an-address", name = "No Address", role = NqbaRoles.Client },
                new { email = Email("staff"), name = "Would Be Admin", role = NqbaRoles.Admin },
                new { email = Email("nameless"), name = " ", role = NqbaRoles.Client },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["users[1].email", "users[2].role", "users[3].name"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Empty(await AccountsAsync(good));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users", new { users = Array.Empty<object>() })).StatusCode);
        var language = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users", new { users = new[] { new { email = good, name = "Go Od", role = NqbaRoles.Client } }, language = "xx" });
        Assert.Contains("\"language\"", await language.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/onboarding/{Guid.NewGuid()}/users", new { users = new[] { new { email = good, name = "Go Od", role = NqbaRoles.Client } } })).StatusCode);
    }

    [Fact]
    public async Task TwoConcurrentProvisioningsOfOneAddress_CreateExactlyOneUser_EveryRound()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await WonClientAsync(factory, admin);
        for (var round = 0; round < 20; round++)
        {
            var email = Email($"race{round}");
            var batch = new { users = new[] { new { email, name = "Ra Ce", role = NqbaRoles.Client } } };

            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => admin.PostAsJsonAsync($"/api/onboarding/{organization}/users", batch)));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            Assert.Single(await AccountsAsync(email));
            var created = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32()));
            Assert.Equal(1, created.Sum());
        }
    }

    [GeneratedRegex(@"/account/set-password\?user=([0-9a-f-]{36})&token=([^\s""<>&]+)")]
    private static partial Regex InvitationLink();
}
