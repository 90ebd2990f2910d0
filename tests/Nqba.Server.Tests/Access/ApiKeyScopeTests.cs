using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Access;

/// <summary>API keys do only what their scopes say, never more than their creator may, and die with their parent.</summary>
public sealed class ApiKeyScopeTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private static async Task<HttpResponseMessage> CreateKeyAsync(HttpClient client, object request) =>
        await client.PostAsJsonAsync("/api/access/api-keys", request);

    private async Task<(Guid Id, HttpClient Client)> KeyAsync(HttpClient creator, params string[] scopes)
    {
        var response = await CreateKeyAsync(creator, new { name = "key", scopes, expiresInDays = 30 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());
        return (created.GetProperty("apiKey").GetProperty("id").GetGuid(), client);
    }

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    private async Task<HttpClient> ClientUserAsync()
    {
        var email = $"keys-{Guid.NewGuid():N}@client.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        return await factory.CreateClientForAsync(email, password);
    }

    [Fact]
    public async Task AKeyReachesOnlyTheAreasAndMethodsOfItsScopes()
    {
        var (_, key) = await KeyAsync(await factory.CreateAdminClientAsync(), "support:read");

        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync("/api/support/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.PostAsJsonAsync("/api/support/tickets", new { subject = "s", message = "m" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.GetAsync("/api/company/units")).StatusCode);
    }

    [Fact]
    public async Task AnAdminsKeyWithoutTheAdminScope_CannotCreateUsers_OneWithItCan()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (_, plain) = await KeyAsync(admin, "access:write", "access:read");
        var (_, withAdmin) = await KeyAsync(admin, "admin");
        object User() => new { email = $"made-by-key-{Guid.NewGuid():N}@nqba.test", displayName = "By Key", role = NqbaRoles.Admin };

        Assert.Equal(HttpStatusCode.Forbidden, (await plain.PostAsJsonAsync("/api/access/users", User())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await withAdmin.PostAsJsonAsync("/api/access/users", User())).StatusCode);
    }

    [Fact]
    public async Task OnlyAnAdminMayGrantTheAdminScope()
    {
        var client = await ClientUserAsync();

        var response = await CreateKeyAsync(client, new { name = "escalate", scopes = new List<string> { "admin" }, expiresInDays = 30 });

        Assert.Equal(["scopes"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task AKeyNeedsKnownScopes()
    {
        var admin = await factory.CreateAdminClientAsync();

        Assert.Equal(["scopes"], await ErrorFieldsAsync(await CreateKeyAsync(admin, new { name = "none" })));
        Assert.Equal(["scopes"], await ErrorFieldsAsync(await CreateKeyAsync(admin, new { name = "bad", scopes = new List<string> { "everything" } })));
    }

    [Fact]
    public async Task AClientUsersKeyMustExpire()
    {
        var client = await ClientUserAsync();

        var response = await CreateKeyAsync(client, new { name = "forever", scopes = new List<string> { "support:read" } });

        Assert.Equal(["expiresInDays"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task AKeyWithoutKeysCreate_CannotCreateKeys()
    {
        var (_, key) = await KeyAsync(await ClientUserAsync(), "support:read", "access:write");

        var response = await CreateKeyAsync(key, new { name = "child", scopes = new List<string> { "support:read" }, expiresInDays = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AKeyWithKeysCreate_GrantsOnlyASubsetOfItsScopes_ThatExpires()
    {
        var (_, key) = await KeyAsync(await ClientUserAsync(), "support:read", "keys:create");

        var wider = await CreateKeyAsync(key, new { name = "wider", scopes = new List<string> { "support:write" }, expiresInDays = 1 });
        var forever = await CreateKeyAsync(key, new { name = "forever", scopes = new List<string> { "support:read" } });
        var longer = await CreateKeyAsync(key, new { name = "longer", scopes = new List<string> { "support:read" }, expiresInDays = 3650 });

        Assert.Equal(["scopes"], await ErrorFieldsAsync(wider));
        Assert.Equal(["expiresInDays"], await ErrorFieldsAsync(forever));
        Assert.Equal(HttpStatusCode.Created, longer.StatusCode);
        var child = (await longer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey");
        Assert.True(DateTimeOffset.Parse(child.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal) <= DateTimeOffset.UtcNow.AddDays(30).AddMinutes(1), "a child key outlives its parent");
        Assert.Equal(["support:read"], child.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task RevokingAKey_RevokesTheKeysItCreated_AndTheirs()
    {
        var owner = await ClientUserAsync();
        var (parentId, parent) = await KeyAsync(owner, "support:read", "access:read", "keys:create");
        var (_, child) = await KeyAsync(parent, "support:read", "access:read", "keys:create");
        var (_, grandchild) = await KeyAsync(child, "access:read");
        Assert.Equal(HttpStatusCode.OK, (await grandchild.GetAsync("/api/auth/me")).StatusCode);

        var revoke = await owner.DeleteAsync($"/api/access/api-keys/{parentId}");

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await parent.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await child.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await grandchild.GetAsync("/api/auth/me")).StatusCode);
    }
}
