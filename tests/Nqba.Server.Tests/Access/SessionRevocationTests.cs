using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Access;

/// <summary>
/// Every event that must end a user's sessions does: the bearer token issued before it answers 401 on the next
/// request, the API keys of the user stop working, and a copy of a signed-out cookie is not signed in.
/// </summary>
public sealed partial class SessionRevocationTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{

    private async Task<Guid> OrganizationAsync()
    {
        var admin = await factory.CreateAdminClientAsync();
        var response = await admin.PostAsJsonAsync("/api/clients", new { name = $"Revoke {Guid.NewGuid():N}", regionCode = "europe" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<(string Email, Guid Id, string Password, HttpClient Bearer, HttpClient Keyed)> ClientUserAsync(Guid? organization = null)
    {
        var email = $"session-{Guid.NewGuid():N}@client.example";
        var (id, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization ?? Nqba.Server.Platform.Seeding.DemoCompany.AcmeCorp);
        var bearer = await factory.CreateClientForAsync(email, password);
        var created = await bearer.PostAsJsonAsync("/api/access/api-keys", new { name = "erp", scopes = new List<string> { "access:read", "support:read" }, expiresInDays = 30 });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var keyed = factory.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/auth/me")).StatusCode);
        return (email, id, password, bearer, keyed);
    }

    [Fact]
    public async Task PasswordResetByTheCli_EndsBearerTokensAndApiKeys()
    {
        var (email, _, _, bearer, keyed) = await ClientUserAsync();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ResetPasswordAsync(email, CancellationToken.None);
            Assert.True(result.Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task PasswordResetByTheApi_EndsTheOldToken_AndTheNewPasswordSignsIn()
    {
        var (email, id, _, bearer, keyed) = await ClientUserAsync();
        var admin = await factory.CreateAdminClientAsync();

        var reset = await admin.PostAsync($"/api/access/users/{id}/password/reset", null);
        var password = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("password").GetString()!;

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await factory.CreateClientForAsync(email, password)).GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task MfaResetByAnAdmin_EndsSessions_TurnsOffTheAuthenticator_AuditsAndMailsTheUser()
    {
        var email = $"mfa-reset-{Guid.NewGuid():N}@nqba.test";
        var (id, password) = await factory.CreateUserAsync(email, NqbaRoles.SupportAgent);
        var bearer = await factory.CreateClientForAsync(email, password, await factory.EnableTotpAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        var admin = await factory.CreateAdminClientAsync();

        var reset = await admin.PostAsync($"/api/access/users/{id}/mfa/reset", null);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.False((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mfaEnabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        // Staff without an authenticator must enrol again before they get a token.
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email, password })).StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?action=access.user.mfa_reset&entityId={id}");
        Assert.Contains(id.ToString(), audit.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await factory.SentMailsAsync(), m => m.ToString().Contains(email, StringComparison.OrdinalIgnoreCase)
            && m.ToString().Contains("two-factor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheTokenItWasCalledWith_AndTheApiKeys()
    {
        var (_, _, _, bearer, keyed) = await ClientUserAsync();

        var revoke = await bearer.PostAsync("/api/auth/sessions/revoke", null);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task AdminRevokingAUsersSessions_EndsThem()
    {
        var (_, id, _, bearer, keyed) = await ClientUserAsync();
        var admin = await factory.CreateAdminClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/access/users/{id}/sessions/revoke", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Lockout_EndsTheBearerToken_AndTheApiKey()
    {
        var (email, _, _, bearer, keyed) = await ClientUserAsync();
        var anonymous = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password-" + i });
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task RoleChange_EndsTheBearerToken()
    {
        var (email, _, _, bearer, _) = await ClientUserAsync();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.RemoveFromRoleAsync(user, NqbaRoles.Client)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task OrganizationErasure_EndsItsUsersTokensAndKeys()
    {
        var organization = await OrganizationAsync();
        var (_, _, _, bearer, keyed) = await ClientUserAsync(organization);
        var admin = await factory.CreateAdminClientAsync();

        var request = await admin.PostAsJsonAsync("/api/privacy/requests", new { kind = "Erasure", law = "Gdpr", organizationId = organization });
        Assert.True(request.IsSuccessStatusCode, await request.Content.ReadAsStringAsync());
        var requestId = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var complete = await admin.PostAsync($"/api/privacy/requests/{requestId}/complete", null);
        Assert.True(complete.IsSuccessStatusCode, await complete.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/support/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.PostAsJsonAsync("/api/support/tickets", new { subject = "after", message = "erasure" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task SignOut_MakesACopyOfTheCookieUseless()
    {
        var (email, _, password, _, _) = await ClientUserAsync();
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var jar = new Dictionary<string, string>(StringComparer.Ordinal);
        var page = await SendAsync(browser, HttpMethod.Get, "/account/login", jar);
        using var login = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = AntiforgeryTokens.From(await page.Content.ReadAsStringAsync()),
        });
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(browser, HttpMethod.Post, "/account/login", jar, login)).StatusCode);
        Assert.Contains("nqba.auth", jar.Keys);
        var copy = new Dictionary<string, string>(jar, StringComparer.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(browser, HttpMethod.Get, "/api/auth/me", copy)).StatusCode);

        // Sign out as the browser does, with the sign-out form of the page's header.
        var portal = await SendAsync(browser, HttpMethod.Get, "/support/portal", jar);
        var token = AntiforgeryTokens.From(await portal.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(token), "the signed-in page has a sign-out form");
        using var logout = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) });
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(browser, HttpMethod.Post, "/account/logout", jar, logout)).StatusCode);

        var replayed = await SendAsync(browser, HttpMethod.Get, "/api/auth/me", copy);

        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    /// <summary>Sends with the cookies of <paramref name="jar"/> and keeps those the answer sets (a browser, without the automatic redirects).</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Dictionary<string, string> jar, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (jar.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await client.SendAsync(request);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = cookie.Split(';')[0].Split('=', 2);
            if (pair.Length == 2)
            {
                jar[pair[0]] = pair[1];
            }
        }

        return response;
    }
}
