using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>
/// Every Access and Intake resource a client user can reach, tried by a client of organization A against what
/// belongs to organization B: never shown, never changed, answered 404 (or 403 where the resource is staff-only).
/// </summary>
public sealed class TenantIsolationTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private async Task<(Guid Id, HttpClient Client)> ClientUserAsync(Guid organization)
    {
        var email = $"tenant-{Guid.NewGuid():N}@isolation.test";
        var (id, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, organization);
        return (id, await factory.CreateClientForAsync(email, password));
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ClientOfA_CannotSeeRevokeOrUseTheApiKeysOfB()
    {
        var (_, acme) = await ClientUserAsync(DemoCompany.AcmeCorp);
        var (_, nord) = await ClientUserAsync(DemoCompany.NordWerk);
        var created = await ReadAsync(await nord.PostAsJsonAsync("/api/access/api-keys", new { name = "nordwerk-erp", scopes = new List<string> { "access:read" }, expiresInDays = 30 }));
        var keyId = created.GetProperty("apiKey").GetProperty("id").GetGuid();
        var key = created.GetProperty("key").GetString()!;

        var listed = await acme.GetFromJsonAsync<List<JsonElement>>("/api/access/api-keys");
        var revoke = await acme.DeleteAsync($"/api/access/api-keys/{keyId}");
        var withKey = factory.CreateClient();
        withKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        var stillWorks = await withKey.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.DoesNotContain(listed!, k => k.GetProperty("id").GetGuid() == keyId);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal("application/problem+json", revoke.Content.Headers.ContentType?.MediaType);
        Assert.Contains(await nord.GetFromJsonAsync<List<JsonElement>>("/api/access/api-keys") ?? [], k => k.GetProperty("id").GetGuid() == keyId && k.GetProperty("revokedAt").ValueKind == JsonValueKind.Null);
        Assert.Equal(DemoCompany.NordWerk.ToString(), stillWorks.GetProperty("organizationId").GetString(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ClientOfA_SeesOnlyItsOwnOrganization_AndNoUsers()
    {
        var (_, acme) = await ClientUserAsync(DemoCompany.AcmeCorp);

        var organizations = await acme.GetFromJsonAsync<List<JsonElement>>("/api/clients");
        var other = await acme.GetAsync($"/api/clients/{DemoCompany.NordWerk}");
        var users = await acme.GetAsync("/api/access/users");

        Assert.Equal([DemoCompany.AcmeCorp], organizations!.Select(o => o.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode); // the user list is for administrators only
    }

    [Fact]
    public async Task ClientOfA_Gets404ForAnotherOrganizationsLeads_AndCannotTouchOrRouteThem()
    {
        var admin = await factory.CreateAdminClientAsync();
        var leads = await admin.GetFromJsonAsync<List<JsonElement>>("/api/leads");
        var nordLead = leads!.First(l => l.GetProperty("clientOrganizationId").GetGuid() != DemoCompany.AcmeCorp).GetProperty("id").GetGuid();
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{nordLead}");
        var (_, acme) = await ClientUserAsync(DemoCompany.AcmeCorp);

        var visible = await acme.GetFromJsonAsync<List<JsonElement>>("/api/leads");
        var lead = await acme.GetAsync($"/api/leads/{nordLead}");
        var touch = await acme.PostAsync($"/api/leads/{nordLead}/touch", null);
        var assessment = await acme.GetAsync($"/api/leads/{nordLead}/assessment");
        var routing = await acme.GetAsync($"/api/leads/{nordLead}/routing");
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{nordLead}");

        Assert.DoesNotContain(visible!, l => l.GetProperty("id").GetGuid() == nordLead);
        Assert.Equal(HttpStatusCode.NotFound, lead.StatusCode);
        Assert.True(touch.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, touch.StatusCode.ToString());
        Assert.True(assessment.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, assessment.StatusCode.ToString());
        Assert.True(routing.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, routing.StatusCode.ToString());
        Assert.Equal(before.GetProperty("firstTouchedAt").ToString(), after.GetProperty("firstTouchedAt").ToString());
    }
}
