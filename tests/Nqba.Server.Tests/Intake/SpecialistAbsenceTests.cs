using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

/// <summary>A specialist falls ill: staff mark them absent, and their open leads move to colleagues through the batch router.</summary>
public sealed class SpecialistAbsenceTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private async Task<Guid> RoutedLeadAsync(HttpClient admin)
    {
        var anonymous = factory.CreateClient();
        var receipt = await (await anonymous.PostAsJsonAsync("/api/leads", new { name = "Lena", email = $"lena@absence-{Guid.NewGuid():N}.example", company = "Absence GmbH", regionCode = "europe", language = "de" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var url = receipt.GetProperty("assessmentUrl").GetString()!;
        var token = url["/intake/assessment/".Length..url.IndexOf('?', StringComparison.Ordinal)];
        await anonymous.PutAsJsonAsync($"/api/assessments/{token}/answers", new { answers = AssessmentApiTests.HotAnswers });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync($"/api/assessments/{token}/complete", null)).StatusCode);
        var leadId = receipt.GetProperty("leadId").GetGuid();
        // Completing the assessment routes the lead once, when its event is delivered.
        await factory.DeliverEventsAsync();
        Assert.NotEmpty((await admin.GetFromJsonAsync<List<JsonElement>>($"/api/leads/{leadId}/routing"))!);
        return leadId;
    }

    private static async Task<Guid> SpecialistOfAsync(HttpClient admin, Guid leadId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}")).GetProperty("specialistId").GetGuid();

    private static async Task<List<JsonElement>> UnitColleaguesAsync(HttpClient admin, Guid specialistId)
    {
        var all = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists"))!;
        var unit = all.Single(s => s.GetProperty("id").GetGuid() == specialistId).GetProperty("businessUnitId").GetGuid();
        return [.. all.Where(s => s.GetProperty("businessUnitId").GetGuid() == unit && s.GetProperty("id").GetGuid() != specialistId)];
    }

    [Fact]
    public async Task AbsentSpecialist_GetsNoNewLeads_AndTheirOpenLeadsMoveToColleagues_ThenTheyReturn()
    {
        var admin = await factory.CreateAdminClientAsync();
        var first = await RoutedLeadAsync(admin);
        var ill = await SpecialistOfAsync(admin, first);
        var until = DateTimeOffset.UtcNow.AddDays(10);
        var week = $"/api/scheduling/specialists/{ill}/slots?type=discovery-30&from={DateTime.UtcNow:yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(6):yyyy-MM-dd}&timeZone=UTC";
        Assert.NotEmpty((await admin.GetFromJsonAsync<JsonElement>(week)).GetProperty("slots").EnumerateArray());

        var marked = await admin.PutAsJsonAsync($"/api/company/specialists/{ill}/absence", new { until });

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(until.UtcDateTime, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("absentUntil").GetDateTime(), TimeSpan.FromMilliseconds(1));
        var moved = await (await admin.PostAsJsonAsync("/api/routing/batch", new { fromSpecialistId = ill })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(moved.GetProperty("unrouted").EnumerateArray());
        Assert.Contains(moved.GetProperty("routed").EnumerateArray(), d => d.GetProperty("leadId").GetGuid() == first);
        Assert.NotEqual(ill, await SpecialistOfAsync(admin, first));
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(ill, await SpecialistOfAsync(admin, await RoutedLeadAsync(admin)));
        }

        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>(week)).GetProperty("slots").EnumerateArray());

        var back = await admin.DeleteAsync($"/api/company/specialists/{ill}/absence");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await back.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("absentUntil").ValueKind);
        Assert.Single((await admin.GetFromJsonAsync<List<JsonElement>>($"/api/audit?action=platform.specialist.absent&entityId={ill}"))!);
    }

    [Fact]
    public async Task BatchByIds_LeadsBeingRerouted_DoNotCountAsLoadOnTheirCurrentSpecialist()
    {
        var admin = await factory.CreateAdminClientAsync();
        var ids = new List<Guid> { await RoutedLeadAsync(admin) };
        var owner = await SpecialistOfAsync(admin, ids[0]);
        var colleagues = await UnitColleaguesAsync(admin, owner);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            ids = await db.Leads.IgnoreQueryFilters().Where(l => l.SpecialistId == owner && l.Status == LeadStatus.Routed).Select(l => l.Id).ToListAsync();
        }

        try
        {
            // The owner is the only specialist of the unit who can take leads, and is exactly full with these leads.
            foreach (var colleague in colleagues)
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/company/specialists/{colleague.GetProperty("id").GetGuid()}/absence", new { until = DateTimeOffset.UtcNow.AddDays(1) })).StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsJsonAsync($"/api/company/specialists/{owner}", new { capacity = ids.Count })).StatusCode);

            var result = await (await admin.PostAsJsonAsync("/api/routing/batch", new { leadIds = ids })).Content.ReadFromJsonAsync<JsonElement>();

            Assert.Empty(result.GetProperty("unrouted").EnumerateArray());
            Assert.Equal(ids.Count, result.GetProperty("routed").GetArrayLength());
            Assert.All(result.GetProperty("routed").EnumerateArray(), d => Assert.Equal(owner, d.GetProperty("specialistId").GetGuid()));
        }
        finally
        {
            foreach (var colleague in colleagues)
            {
                await admin.DeleteAsync($"/api/company/specialists/{colleague.GetProperty("id").GetGuid()}/absence");
            }

            await admin.PatchAsJsonAsync($"/api/company/specialists/{owner}", new { capacity = 20 });
        }
    }

    [Theory]
    [InlineData("absence", "{\"until\":\"2001-01-01T00:00:00Z\"}", "until")]
    [InlineData("absence", "{}", "until")]
    [InlineData("", "{\"capacity\":-1}", "capacity")]
    [InlineData("", "{\"capacity\":\"many\"}", "capacity")]
    public async Task BadChanges_Are400_NamingTheField(string path, string body, string field)
    {
        var admin = await factory.CreateAdminClientAsync();
        var specialist = (await admin.GetFromJsonAsync<List<JsonElement>>("/api/company/specialists"))![0].GetProperty("id").GetGuid();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var url = $"/api/company/specialists/{specialist}/{path}";
        var response = path == "absence" ? await admin.PutAsync(url, content) : await admin.PatchAsync(url, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ChangingAnUnknownSpecialist_Is404()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PatchAsJsonAsync($"/api/company/specialists/{Guid.NewGuid()}", new { capacity = 5 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
