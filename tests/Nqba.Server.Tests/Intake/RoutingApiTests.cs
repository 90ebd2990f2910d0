using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

public sealed class RoutingApiTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private async Task<Guid> AssessedLeadAsync(bool complete = true)
    {
        var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/leads", new { name = "Lena", email = $"lena@route-{Guid.NewGuid():N}.example", company = "Route GmbH", regionCode = "europe", language = "de" });
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var url = receipt.GetProperty("assessmentUrl").GetString()!;
        var token = url["/intake/assessment/".Length..url.IndexOf('?', StringComparison.Ordinal)];
        await anonymous.PutAsJsonAsync($"/api/assessments/{token}/answers", new { answers = AssessmentApiTests.HotAnswers });
        if (complete)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/api/assessments/{token}/complete", null)).StatusCode);
        }

        return receipt.GetProperty("leadId").GetGuid();
    }

    /// <summary>Delivers the completed assessment's event (routing subscribes to it) and returns the routed lead.</summary>
    private async Task<JsonElement> WaitUntilRoutedAsync(HttpClient admin, Guid leadId)
    {
        await factory.DeliverEventsAsync();
        var lead = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        Assert.Equal("Routed", lead.GetProperty("status").GetString());
        return lead;
    }

    [Fact]
    public async Task RoutedLead_NotifiesTheSpecialistByEmail()
    {
        var leadId = await AssessedLeadAsync();
        var admin = await factory.CreateAdminClientAsync();
        var lead = await WaitUntilRoutedAsync(admin, leadId);
        var specialists = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists");
        var address = specialists!.Single(s => s.GetProperty("id").GetGuid() == lead.GetProperty("specialistId").GetGuid()).GetProperty("email").GetString()!;
        var mail = (await factory.SentMailsAsync(m => m.TextBody?.Contains(leadId.ToString(), StringComparison.Ordinal) == true)).LastOrDefault();

        Assert.NotNull(mail);
        Assert.Equal(address, mail.To.Mailboxes.Single().Address);
        Assert.StartsWith("New lead for you", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Why you:", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletedAssessment_RoutesLeadToUnitSpecialist_WithReasonAndResponseDeadline()
    {
        var leadId = await AssessedLeadAsync();
        var admin = await factory.CreateAdminClientAsync();

        var lead = await WaitUntilRoutedAsync(admin, leadId);

        var specialists = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists");
        var units = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/units");
        var flyfox = units!.Single(u => u.GetProperty("code").GetString() == "flyfox-ai").GetProperty("id").GetGuid();
        var specialist = specialists!.Single(s => s.GetProperty("id").GetGuid() == lead.GetProperty("specialistId").GetGuid());
        Assert.Equal(flyfox, specialist.GetProperty("businessUnitId").GetGuid());
        Assert.NotEqual(JsonValueKind.Null, lead.GetProperty("responseDueAt").ValueKind);
        var decisions = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/leads/{leadId}/routing");
        var decision = Assert.Single(decisions!);
        Assert.Equal("fast-path", decision.GetProperty("method").GetString());
        Assert.Contains("Europe client", decision.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reassign_ToAnotherUnitsSpecialist_Is400_ToSameUnit_IsAudited()
    {
        var leadId = await AssessedLeadAsync();
        var admin = await factory.CreateAdminClientAsync();
        var lead = await WaitUntilRoutedAsync(admin, leadId);
        var specialists = await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists");
        var current = specialists!.Single(s => s.GetProperty("id").GetGuid() == lead.GetProperty("specialistId").GetGuid());
        var unit = current.GetProperty("businessUnitId").GetGuid();
        var colleague = specialists!.First(s => s.GetProperty("businessUnitId").GetGuid() == unit && s.GetProperty("id").GetGuid() != current.GetProperty("id").GetGuid());
        var outsider = specialists!.First(s => s.GetProperty("businessUnitId").GetGuid() != unit);

        var wrong = await admin.PostAsJsonAsync($"/api/leads/{leadId}/reassign", new { specialistId = outsider.GetProperty("id").GetGuid(), reason = "try another unit" });
        var right = await admin.PostAsJsonAsync($"/api/leads/{leadId}/reassign", new { specialistId = colleague.GetProperty("id").GetGuid(), reason = "knows the client" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        Assert.Equal(colleague.GetProperty("id").GetGuid(), after.GetProperty("specialistId").GetGuid());
        Assert.Single((await admin.GetFromJsonAsync<List<JsonElement>>($"/api/audit?action=intake.lead.reassigned&entityId={leadId}"))!);
    }

    [Fact]
    public async Task Batch_RoutesGivenLeadsWithinTheirUnit()
    {
        var ids = new List<Guid> { await AssessedLeadAsync(), await AssessedLeadAsync() };
        var admin = await factory.CreateAdminClientAsync();
        foreach (var id in ids)
        {
            await WaitUntilRoutedAsync(admin, id);
        }

        var response = await admin.PostAsJsonAsync("/api/routing/batch", new { leadIds = ids });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("routed").GetArrayLength());
        Assert.All(result.GetProperty("routed").EnumerateArray(), d =>
        {
            Assert.Equal("flyfox-ai", d.GetProperty("unitCode").GetString());
            Assert.StartsWith("batch:", d.GetProperty("method").GetString(), StringComparison.Ordinal);
        });
    }
}
