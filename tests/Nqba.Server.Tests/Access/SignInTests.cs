using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Access;

public sealed class SignInTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var email = $"rep-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, Nqba.Server.Platform.Seeding.DemoCompany.AcmeCorp);
        var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password-" + i });
            Assert.True(wrong.StatusCode is HttpStatusCode.Unauthorized, $"attempt {i}: {wrong.StatusCode}");
        }

        var right = await client.PostAsJsonAsync("/api/auth/token", new { email, password });

        // Refused with the answer a wrong password gets: a distinct "locked" answer would tell that the account exists.
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_credentials", problem.GetProperty("code").GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task FourWrongPasswords_DoNotLock()
    {
        var email = $"rep-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, Nqba.Server.Platform.Seeding.DemoCompany.AcmeCorp);
        var client = factory.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password-" + i });
        }

        var right = await client.PostAsJsonAsync("/api/auth/token", new { email, password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task StaffWithoutMfa_IsRefusedAToken()
    {
        var email = $"sales-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.SalesRep);

        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email, password });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("two-factor", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffWithMfa_NeedsTheCurrentCode()
    {
        var email = $"sales-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.SalesRep);
        var key = await factory.EnableTotpAsync(email);
        var client = factory.CreateClient();

        var withoutCode = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        var wrongCode = await client.PostAsJsonAsync("/api/auth/token", new { email, password, code = OneTimeCodes.Current(key) == "000000" ? "111111" : "000000" });
        var withCode = await client.PostAsJsonAsync("/api/auth/token", new { email, password, code = await OneTimeCodes.NextAsync(key) });

        Assert.Equal("mfa_required", (await withoutCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
    }

    [Fact]
    public async Task AnAuthenticatorCode_SignsInOnce_ALaterCodeSignsInAgain()
    {
        var email = $"sales-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.SalesRep);
        var key = await factory.EnableTotpAsync(email);
        var client = factory.CreateClient();
        var code = await OneTimeCodes.NextAsync(key);

        var first = await client.PostAsJsonAsync("/api/auth/token", new { email, password, code });
        var replayed = await client.PostAsJsonAsync("/api/auth/token", new { email, password, code });
        var next = await client.PostAsJsonAsync("/api/auth/token", new { email, password, code = await OneTimeCodes.NextAsync(key) });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("invalid_code", (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task ApiKey_AuthenticatesAsItsOwner_UntilRevoked()
    {
        var admin = await factory.CreateAdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/access/api-keys", new { name = "ci", scopes = new List<string> { "company:read" } })).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("apiKey").GetProperty("id").GetGuid();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var before = await client.GetAsync("/api/company/units");
        await admin.DeleteAsync($"/api/access/api-keys/{id}");
        var after = await client.GetAsync("/api/company/units");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Me_ReportsRolesAndOrganization()
    {
        var admin = await factory.CreateAdminClientAsync();

        var me = await admin.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Contains("Admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.GetProperty("mfaSatisfied").GetBoolean());
    }
}
