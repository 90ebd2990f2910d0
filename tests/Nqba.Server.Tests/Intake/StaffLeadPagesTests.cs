using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

public sealed class StaffLeadPagesTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task InboxAndLeadPage_AssessedLead_ShowFiltersScoresAndRoutingReason()
    {
        var anonymous = factory.CreateClient();
        var name = $"Inbox Person {Guid.NewGuid():N}";
        var receipt = await (await anonymous.PostAsJsonAsync("/api/leads", new { name, email = $"p@inbox-{Guid.NewGuid():N}.example", company = "Inbox AG", regionCode = "europe", language = "de" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var leadId = receipt.GetProperty("leadId").GetGuid();
        var url = receipt.GetProperty("assessmentUrl").GetString()!;
        var token = url["/intake/assessment/".Length..url.IndexOf('?', StringComparison.Ordinal)];
        await anonymous.PutAsJsonAsync($"/api/assessments/{token}/answers", new { answers = AssessmentApiTests.HotAnswers });
        await anonymous.PostAsync($"/api/assessments/{token}/complete", null);
        var admin = await factory.CreateAdminClientAsync();
        await admin.PostAsync($"/api/leads/{leadId}/route", null);

        var hot = WebUtility.HtmlDecode(await admin.GetStringAsync("/leads?tier=Hot&region=europe&unit=flyfox-ai"));
        var cold = WebUtility.HtmlDecode(await admin.GetStringAsync("/leads?tier=Cold"));
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/leads/{leadId}"));

        Assert.Contains(name, hot, StringComparison.Ordinal);
        Assert.DoesNotContain(name, cold, StringComparison.Ordinal);
        Assert.Contains("SigmaEQ: 9", page, StringComparison.Ordinal);
        Assert.Contains("Readiness", page, StringComparison.Ordinal);
        Assert.Contains("Europe client", page, StringComparison.Ordinal);
        Assert.Contains("Reassign", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadPage_ShowsTheOrganizationsTickets_WithLinks_AndNoneOfAnotherOrganization()
    {
        var anonymous = factory.CreateClient();
        var domain = $"ctx-{Guid.NewGuid():N}.example";
        var receipt = await (await anonymous.PostAsJsonAsync("/api/leads", new { name = "Context Person", email = $"p@{domain}", company = "Context GmbH", regionCode = "europe" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var leadId = receipt.GetProperty("leadId").GetGuid();
        var admin = await factory.CreateAdminClientAsync();
        var lead = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        var organization = lead.GetProperty("clientOrganizationId").GetGuid();
        var subject = $"Invoice question {Guid.NewGuid():N}";
        var other = $"Someone else's problem {Guid.NewGuid():N}";
        var created = await admin.PostAsJsonAsync("/api/support/tickets", new { subject, body = "Where is it?", requesterName = "Context Person", organizationId = organization });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var ticket = await created.Content.ReadFromJsonAsync<JsonElement>();
        var elsewhere = (await (await admin.PostAsJsonAsync("/api/clients", new { name = "Elsewhere Ltd", regionCode = "apac" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var theirs = await admin.PostAsJsonAsync("/api/support/tickets", new { subject = other, body = "Not theirs", requesterName = "Someone", organizationId = elsewhere });
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/leads/{leadId}"));

        Assert.Contains(subject, page, StringComparison.Ordinal);
        Assert.Contains($"/support/tickets/{ticket.GetProperty("id").GetGuid()}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(other, page, StringComparison.Ordinal);
        Assert.Contains("Context GmbH", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_Anonymous_IsNotShown()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/leads");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
