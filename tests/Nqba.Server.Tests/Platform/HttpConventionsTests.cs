using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

public sealed class HttpConventionsTests(HttpConventionsTests.Factory factory) : IClassFixture<HttpConventionsTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Http:MaxRequestBodyBytes"] = "4096" };
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task MalformedJson_Returns400NamingTheProblem()
    {
        using var body = new StringContent("{\"email\": \"a@b.c\", ", Encoding.UTF8, "application/json");

        var response = await factory.CreateClient().PostAsync("/api/auth/token", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationError_Returns400NamingTheFields()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/access/users", new { email = "not-an-email", displayName = "", role = "Client" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Email", out _) || errors.TryGetProperty("email", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("DisplayName", out _) || errors.TryGetProperty("displayName", out _), errors.ToString());
    }

    [Fact]
    public async Task DomainValidationError_NamesTheField()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/access/users", new { email = "client-without-org@x.test", displayName = "C", role = "Client" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("clientOrganizationId", out _));
        Assert.Equal("validation", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task OversizedBody_Returns413Problem()
    {
        using var body = new StringContent("{\"email\":\"" + new string('a', 10_000) + "\"}", Encoding.UTF8, "application/json");

        var response = await factory.CreateClient().PostAsync("/api/auth/token", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ApiWithoutCredentials_Returns401Problem_NotARedirect()
    {
        var response = await factory.CreateClient().GetAsync("/api/leads");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheEndpoints()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/leads/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/audit/", out _) || paths.TryGetProperty("/api/audit", out _));
    }

    [Fact]
    public async Task ApiReferencePage_IsServed()
    {
        var response = await factory.CreateClient().GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthEndpoints_ReportLiveAndReady()
    {
        var client = factory.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
        Assert.Equal("Healthy", await client.GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Metrics_ExposesPrometheusText()
    {
        var client = factory.CreateClient();
        await client.GetAsync("/healthz");

        var text = await client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }
}
