using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Tests.Platform;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

public sealed class AssessmentApiTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    internal static readonly Dictionary<string, string[]> HotAnswers = new()
    {
        ["goal"] = ["automate"],
        ["automation_area"] = ["support"],
        ["data"] = ["warehouse"],
        ["tooling"] = ["custom"],
        ["team"] = ["engineering"],
        ["demo"] = ["yes"],
        ["budget"] = ["over_250k"],
        ["timeline"] = ["now"],
        ["authority"] = ["final"],
        ["size"] = ["over_500"],
        ["industry"] = ["technology"],
        ["region"] = ["europe"],
    };

    private static async Task<(Guid LeadId, string Token)> CaptureAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/leads", new { name = "Ada", email = $"ada@assess-{Guid.NewGuid():N}.example", company = "Assess AG", regionCode = "europe", language = "de" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var url = receipt.GetProperty("assessmentUrl").GetString()!;
        Assert.StartsWith("/intake/assessment/", url, StringComparison.Ordinal);
        Assert.EndsWith("?lang=de", url, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(url["/intake/assessment/".Length..url.IndexOf('?', StringComparison.Ordinal)]);
        return (receipt.GetProperty("leadId").GetGuid(), token);
    }

    private static List<string> QuestionIds(JsonElement assessment) =>
        [.. assessment.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Assessment_AnswerResumeAndComplete_ProducesRecommendationOnTheLead()
    {
        var anonymous = factory.CreateClient();
        var (leadId, token) = await CaptureAsync(anonymous);

        var start = await anonymous.GetFromJsonAsync<JsonElement>($"/api/assessments/{Uri.EscapeDataString(token)}");
        Assert.DoesNotContain("automation_area", QuestionIds(start));
        var first = await anonymous.PutAsJsonAsync($"/api/assessments/{Uri.EscapeDataString(token)}/answers", new { answers = new Dictionary<string, string[]> { ["goal"] = ["automate"] } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("automation_area", QuestionIds(await first.Content.ReadFromJsonAsync<JsonElement>()));

        // A second visitor with the same link (resume later) sees the saved answer and finishes.
        var later = factory.CreateClient();
        var resumed = await later.GetFromJsonAsync<JsonElement>($"/api/assessments/{Uri.EscapeDataString(token)}");
        Assert.Equal("automate", resumed.GetProperty("answers").GetProperty("goal")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await later.PutAsJsonAsync($"/api/assessments/{Uri.EscapeDataString(token)}/answers", new { answers = HotAnswers })).StatusCode);
        var completed = await later.PostAsync($"/api/assessments/{Uri.EscapeDataString(token)}/complete", null);

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var outcome = (await completed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome");
        Assert.Equal("Hot", outcome.GetProperty("tier").GetString());
        Assert.Equal("flyfox-ai", outcome.GetProperty("recommendedUnit").GetString());
        Assert.Equal("strategic-90", outcome.GetProperty("meetingType").GetString());
        Assert.False(string.IsNullOrWhiteSpace(outcome.GetProperty("unitExplanation").GetString()));
        var admin = await factory.CreateAdminClientAsync();
        var lead = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        Assert.Equal("Hot", lead.GetProperty("tier").GetString());
        Assert.Equal("flyfox-ai", lead.GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task Answers_Bad_Return400NamingTheQuestion_AndChangeNothing()
    {
        var anonymous = factory.CreateClient();
        var (_, token) = await CaptureAsync(anonymous);
        await anonymous.PutAsJsonAsync($"/api/assessments/{Uri.EscapeDataString(token)}/answers", new { answers = new Dictionary<string, string[]> { ["budget"] = ["10k_50k"] } });

        var response = await anonymous.PutAsJsonAsync($"/api/assessments/{Uri.EscapeDataString(token)}/answers", new { answers = new Dictionary<string, string[]> { ["budget"] = ["a_lot"], ["goal"] = ["automate"] } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("a_lot", problem.GetProperty("errors").GetProperty("answers.budget")[0].GetString(), StringComparison.Ordinal);
        var after = await anonymous.GetFromJsonAsync<JsonElement>($"/api/assessments/{Uri.EscapeDataString(token)}");
        Assert.Equal("10k_50k", after.GetProperty("answers").GetProperty("budget")[0].GetString());
        Assert.False(after.GetProperty("answers").TryGetProperty("goal", out _));
    }

    [Fact]
    public async Task Complete_WithUnansweredQuestions_Returns400ListingThem()
    {
        var anonymous = factory.CreateClient();
        var (_, token) = await CaptureAsync(anonymous);

        var response = await anonymous.PostAsync($"/api/assessments/{Uri.EscapeDataString(token)}/complete", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("answers.goal", out _));
        Assert.True(errors.TryGetProperty("answers.budget", out _));
    }

    [Fact]
    public async Task GetAssessment_InJapanese_ShowsTranslatedQuestions()
    {
        var anonymous = factory.CreateClient();
        var (_, token) = await CaptureAsync(anonymous);

        var assessment = await anonymous.GetFromJsonAsync<JsonElement>($"/api/assessments/{Uri.EscapeDataString(token)}?lang=ja");

        var goal = assessment.GetProperty("questions").EnumerateArray().First(q => q.GetProperty("id").GetString() == "goal");
        Assert.Equal("今後1年間で最も達成したいことは何ですか？", goal.GetProperty("text").GetString());
        Assert.Equal("目標", goal.GetProperty("section").GetString());
    }

    [Fact]
    public async Task GetAssessment_TamperedToken_Returns404Problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/assessments/CfDJ8-not-a-real-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("invalid_link", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Override_WithReason_ChangesUnitAndIsAudited_WithoutReason_Is400()
    {
        var anonymous = factory.CreateClient();
        var (leadId, token) = await CaptureAsync(anonymous);
        await anonymous.PutAsJsonAsync($"/api/assessments/{Uri.EscapeDataString(token)}/answers", new { answers = HotAnswers });
        await anonymous.PostAsync($"/api/assessments/{Uri.EscapeDataString(token)}/complete", null);
        var admin = await factory.CreateAdminClientAsync();

        var noReason = await admin.PostAsJsonAsync($"/api/leads/{leadId}/assessment/override", new { unit = "goliath-trade" });
        var badUnit = await admin.PostAsJsonAsync($"/api/leads/{leadId}/assessment/override", new { unit = "mars-mining", reason = "client asked" });
        var ok = await admin.PostAsJsonAsync($"/api/leads/{leadId}/assessment/override", new { unit = "goliath-trade", meetingType = "demo-60", reason = "Client runs a trading desk" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badUnit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var lead = await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        Assert.Equal("goliath-trade", lead.GetProperty("unitCode").GetString());
        Assert.Equal("demo-60", lead.GetProperty("meetingType").GetString());
        var audit = await admin.GetFromJsonAsync<List<JsonElement>>($"/api/audit?action=intake.assessment.overridden&entityId={leadId}");
        Assert.Single(audit!);
        var answersAfter = await anonymous.PutAsJsonAsync($"/api/assessments/{Uri.EscapeDataString(token)}/answers", new { answers = HotAnswers });
        Assert.Equal(HttpStatusCode.Conflict, answersAfter.StatusCode);
    }

    [Fact]
    public async Task Server_BadQuestionnaireFile_FailsToStartNamingFileAndQuestion()
    {
        var directory = Directory.CreateTempSubdirectory("nqba-bad-questionnaire-").FullName;
        var good = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Modules", "Intake", "Assessment", "sigmaeq.v1.json"));
        await File.WriteAllTextAsync(Path.Combine(directory, "sigmaeq.v1.json"), good.Replace("\"dimension\": \"budget\"", "\"dimension\": \"money\"", StringComparison.Ordinal));

        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(directory, new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(directory, "nqba.db")}",
            ["Intake__QuestionnaireDirectory"] = directory,
            ["Urls"] = "http://127.0.0.1:0",
        });

        Assert.Equal(2, exit);
        Assert.Contains("sigmaeq.v1.json: question 'budget': dimension 'money' is not declared", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
