using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Onboarding;

/// <summary>Training sessions per client role: attendance is recorded per provisioned user and completes the training step.</summary>
public sealed class OnboardingTrainingTests(OnboardingTrainingTests.Factory factory) : IClassFixture<OnboardingTrainingTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:FireOnSchedule"] = "false" };
    }

    private static string StepStatus(JsonElement onboarding, string step) =>
        onboarding.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step).GetProperty("status").GetString()!;

    [Fact]
    public async Task EveryProvisionedUserAttendingASessionForTheirRole_CompletesTheTrainingStep_AndTheClientSeesTheSessions()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await OnboardingProvisioningTests.WonClientAsync(factory, admin);
        var other = await OnboardingProvisioningTests.WonClientAsync(factory, admin);
        string[] emails = [$"tr1-{Guid.NewGuid():N}@training.example", $"tr2-{Guid.NewGuid():N}@training.example"];
        var provisioned = await (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/users",
            new { users = emails.Select(e => new { email = e, name = "Trainee", role = NqbaRoles.Client }) })).Content.ReadFromJsonAsync<JsonElement>();
        var users = provisioned.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("userId").GetGuid()).ToArray();

        var scheduled = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/training", new { title = "Portal basics", role = NqbaRoles.Client, startsAt = "2027-01-05T09:00:00Z", durationMinutes = 90 });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        var session = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("training").EnumerateArray().Single();
        var sessionId = session.GetProperty("id").GetGuid();
        Assert.Equal(90, session.GetProperty("durationMinutes").GetInt32());

        // One of two attended: the step stays open; recording the same user again changes nothing.
        var recorded = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/training/{sessionId}/attendance", new { userIds = new[] { users[0] } });
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
        var first = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", StepStatus(first, "training"));
        var again = await (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/training/{sessionId}/attendance", new { userIds = new[] { users[0] } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, again.GetProperty("training")[0].GetProperty("attendees").GetArrayLength());

        // A user of another organization is refused, naming the field.
        var stranger = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/training/{sessionId}/attendance", new { userIds = new[] { users[1], Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("\"userIds[1]\"", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/training/{sessionId}/attendance", new { userIds = new[] { users[1] } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("done", StepStatus(done, "training"));
        Assert.StartsWith("All 2 provisioned users attended", done.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "training").GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal("pending", StepStatus(await admin.GetFromJsonAsync<JsonElement>($"/api/onboarding/{other}"), "training"));

        // The client sees the session on their own page.
        var client = await factory.CreateClientForAsync(emails[0], await PasswordOfAsync(emails[0]));
        var page = await client.GetStringAsync("/onboarding/mine");
        Assert.Contains("Portal basics", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadTrainingInput_IsA400NamingTheFields()
    {
        var admin = await factory.CreateAdminClientAsync();
        var organization = await OnboardingProvisioningTests.WonClientAsync(factory, admin);

        var response = await admin.PostAsJsonAsync($"/api/onboarding/{organization}/training", new { title = " ", role = "Admin", durationMinutes = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["durationMinutes", "role", "startsAt", "title"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/onboarding/{organization}/training/{Guid.NewGuid()}/attendance", new { userIds = new[] { Guid.NewGuid() } })).StatusCode);
    }

    /// <summary>Sets a known password for an invited user through Identity (the invitation flow has its own tests).</summary>
    private async Task<string> PasswordOfAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        const string password = "Tr4ining-Password";
        Assert.True((await users.AddPasswordAsync(user, password)).Succeeded);
        return password;
    }
}
