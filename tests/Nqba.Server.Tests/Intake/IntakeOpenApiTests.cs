using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

public sealed class IntakeOpenApiTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Theory]
    [InlineData("/api/leads", "post")]
    [InlineData("/api/leads/{leadId}/assessment/override", "post")]
    [InlineData("/api/assessments/{token}/answers", "put")]
    [InlineData("/api/assessments/{token}/complete", "post")]
    [InlineData("/api/leads/{leadId}/routing", "get")]
    [InlineData("/api/leads/{leadId}/reassign", "post")]
    [InlineData("/api/routing/batch", "post")]
    public async Task OpenApi_IntakeEndpoint_IsDescribedWithAnOperationId(string path, string method)
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()));
    }
}
