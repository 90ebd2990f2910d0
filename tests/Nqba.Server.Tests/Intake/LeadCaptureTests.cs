using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

public sealed class LeadCaptureTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private static object NewLead(string email, string company = "Example Ltd", string region = "europe") =>
        new { name = "Test Person", email, company, regionCode = region, source = "Email", language = "de" };

    private static async Task<Guid> LeadIdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        return receipt.GetProperty("leadId").GetGuid();
    }

    private async Task<JsonElement> GetLeadAsync(Guid id)
    {
        var admin = await factory.CreateAdminClientAsync();
        return await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{id}");
    }

    [Fact]
    public async Task CaptureLead_Anonymous_CreatesClientContactAndLead()
    {
        var anonymous = factory.CreateClient();
        var email = $"cto-{Guid.NewGuid():N}@brand-new-{Guid.NewGuid():N}.example";

        var id = await LeadIdOf(await anonymous.PostAsJsonAsync("/api/leads", NewLead(email)));

        var lead = await GetLeadAsync(id);
        Assert.Equal(email, lead.GetProperty("contactEmail").GetString());
        Assert.Equal("Email", lead.GetProperty("source").GetString());
        Assert.Equal("de", lead.GetProperty("language").GetString());
        Assert.NotEqual(Guid.Empty, lead.GetProperty("clientOrganizationId").GetGuid());
        Assert.NotEqual(JsonValueKind.Null, lead.GetProperty("contactId").ValueKind);
        var admin = await factory.CreateAdminClientAsync();
        var client = await admin.GetFromJsonAsync<JsonElement>($"/api/clients/{lead.GetProperty("clientOrganizationId").GetGuid()}");
        Assert.Equal("Example Ltd", client.GetProperty("name").GetString());
    }

    [Fact]
    public async Task CaptureLead_InvalidFields_Returns400NamingEachField()
    {
        var anonymous = factory.CreateClient();

        var response = await anonymous.PostAsJsonAsync("/api/leads", new { name = "X", email = "not-an-email", company = "", regionCode = "mars" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Named as the JSON body names them, not as the C# record does.
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("email", fields);
        Assert.Contains("regionCode", fields);
        Assert.Contains("company", fields);
    }

    [Fact]
    public async Task CaptureLead_SameEmailTwice_MergesIntoSameClientAndContactWithAudit()
    {
        var anonymous = factory.CreateClient();
        var email = $"buyer@dup-{Guid.NewGuid():N}.example";

        var first = await GetLeadAsync(await LeadIdOf(await anonymous.PostAsJsonAsync("/api/leads", NewLead(email))));
        var second = await GetLeadAsync(await LeadIdOf(await anonymous.PostAsJsonAsync("/api/leads", NewLead(email.ToUpperInvariant(), company: "Typo Ltd"))));

        Assert.Equal(first.GetProperty("clientOrganizationId").GetGuid(), second.GetProperty("clientOrganizationId").GetGuid());
        Assert.Equal(first.GetProperty("contactId").GetGuid(), second.GetProperty("contactId").GetGuid());
        var admin = await factory.CreateAdminClientAsync();
        var audit = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/audit?action=intake.lead.merged&entityId={second.GetProperty("id").GetGuid()}");
        Assert.Single(audit!);
    }

    [Fact]
    public async Task CaptureLead_KnownCompanyDomain_MergesIntoExistingClient()
    {
        var anonymous = factory.CreateClient();

        var lead = await GetLeadAsync(await LeadIdOf(await anonymous.PostAsJsonAsync("/api/leads", NewLead($"new.person.{Guid.NewGuid():N}@nordwerk.example", company: "Nordwerk"))));

        Assert.Equal(DemoCompany.NordWerk, lead.GetProperty("clientOrganizationId").GetGuid());
    }

    [Fact]
    public async Task CaptureLead_PublicMailDomain_DoesNotMergeDifferentPeople()
    {
        var anonymous = factory.CreateClient();

        var a = await GetLeadAsync(await LeadIdOf(await anonymous.PostAsJsonAsync("/api/leads", NewLead($"a.{Guid.NewGuid():N}@gmail.com", company: "A GmbH"))));
        var b = await GetLeadAsync(await LeadIdOf(await anonymous.PostAsJsonAsync("/api/leads", NewLead($"b.{Guid.NewGuid():N}@gmail.com", company: "B GmbH"))));

        Assert.NotEqual(a.GetProperty("clientOrganizationId").GetGuid(), b.GetProperty("clientOrganizationId").GetGuid());
    }

    [Fact]
    public async Task CaptureLead_FourIdenticalFirstSubmissionsAtOnce_LeaveOneOrganization_EveryRound()
    {
        var anonymous = factory.CreateClient();
        var admin = await factory.CreateAdminClientAsync();
        for (var round = 0; round < 50; round++)
        {
            // Odd rounds write from a public mail provider: there the company is known only by the person's address.
            var company = $"Race {round} {Guid.NewGuid():N}";
            var email = round % 2 == 0 ? $"buyer@race-{Guid.NewGuid():N}.example" : $"race.{Guid.NewGuid():N}@gmail.com";

            var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => anonymous.PostAsJsonAsync("/api/leads", NewLead(email, company))));

            var organizations = new HashSet<Guid>();
            foreach (var response in responses)
            {
                organizations.Add((await GetLeadAsync(await LeadIdOf(response))).GetProperty("clientOrganizationId").GetGuid());
            }

            Assert.Single(organizations);
            var clients = await admin.GetFromJsonAsync<List<JsonElement>>("/api/clients");
            Assert.Single(clients!, c => c.GetProperty("name").GetString() == company);
        }
    }

    [Theory]
    [InlineData("en", "Talk to NQBA")]
    [InlineData("de", "Sprechen Sie mit NQBA")]
    [InlineData("ja", "NQBAへのお問い合わせ")]
    public async Task IntakePage_Language_RendersLocalizedFormWithoutSignIn(string lang, string heading)
    {
        var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync($"/intake?lang={lang}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/intake/submit\"", html, StringComparison.Ordinal);
    }
}
