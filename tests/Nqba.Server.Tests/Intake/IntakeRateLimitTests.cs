using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

/// <summary>The anonymous intake endpoints share the public-forms limit (three a minute here, per client IP).</summary>
public sealed class IntakeRateLimitTests(IntakeRateLimitTests.Factory factory) : IClassFixture<IntakeRateLimitTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:PublicFormsPerMinute"] = "3" };
    }

    private static object Lead(int i) => new
    {
        name = $"Rita Rate {i}",
        email = $"rate-{i}-{Guid.NewGuid():N}@intake.test",
        company = "Rate Ltd",
        regionCode = "europe",
        source = "WebForm",
        language = "en",
    };

    [Fact]
    public async Task AnonymousIntake_BeyondThePublicFormsLimit_Gets429WithRetryAfter_OnEveryIntakeEndpoint()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        string? assessmentPage = null;
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/leads", Lead(i));
            statuses.Add(response.StatusCode);
            assessmentPage ??= (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assessmentUrl").GetString();
        }

        var lead = await client.PostAsJsonAsync("/api/leads", Lead(3));
        var token = assessmentPage!.Split('?')[0].TrimEnd('/').Split('/')[^1];
        var answers = await client.PutAsJsonAsync($"/api/assessments/{token}/answers", new { answers = new Dictionary<string, string[]>() });
        var form = await client.PostAsync("/intake/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "Form Rate" }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], statuses);
        foreach (var refused in new[] { lead, answers, form })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.True(refused.Headers.RetryAfter.Delta > TimeSpan.Zero, refused.Headers.RetryAfter.ToString());
        }

        var problem = await lead.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }
}
