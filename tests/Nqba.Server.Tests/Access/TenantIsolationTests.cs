using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Access;

public sealed class TenantIsolationTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private async Task<HttpClient> ClientUserOfAcmeAsync()
    {
        var email = $"buyer-{Guid.NewGuid():N}@acme.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        return await factory.CreateClientForAsync(email, password);
    }

    [Fact]
    public async Task ClientUser_GetsOwnOrganization()
    {
        var client = await ClientUserOfAcmeAsync();

        var response = await client.GetAsync($"/api/clients/{DemoCompany.AcmeCorp}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClientUser_Gets404ForAnotherOrganization()
    {
        var client = await ClientUserOfAcmeAsync();

        var response = await client.GetAsync($"/api/clients/{DemoCompany.NordWerk}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ClientUser_ListsOnlyOwnOrganizationsLeads_And404sOthers()
    {
        var admin = await factory.CreateAdminClientAsync();
        var allLeads = await admin.GetFromJsonAsync<List<JsonElement>>("/api/leads");
        var otherLead = allLeads!.First(l => l.GetProperty("clientOrganizationId").GetGuid() != DemoCompany.AcmeCorp).GetProperty("id").GetGuid();
        var client = await ClientUserOfAcmeAsync();

        var visible = await client.GetFromJsonAsync<List<JsonElement>>("/api/leads");
        var other = await client.GetAsync($"/api/leads/{otherLead}");

        Assert.NotEmpty(visible!);
        Assert.All(visible!, l => Assert.Equal(DemoCompany.AcmeCorp, l.GetProperty("clientOrganizationId").GetGuid()));
        Assert.True(allLeads!.Count > visible!.Count);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task ClientUser_CannotReachStaffEndpoints()
    {
        var client = await ClientUserOfAcmeAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/company/specialists")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/clients", new { name = "X", regionCode = "europe" })).StatusCode);
    }
}
