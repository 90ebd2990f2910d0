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
    public async Task Inbox_Anonymous_IsNotShown()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/leads");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
