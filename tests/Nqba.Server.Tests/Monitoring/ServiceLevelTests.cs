using System.Net.Http.Json;
using System.Text.Json;

namespace Nqba.Server.Tests.Monitoring;

public sealed class ServiceLevelTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task ServiceLevels_MeasureApiDatabaseAndOptimizer_AgainstTheirTargets()
    {
        var admin = await factory.CreateAdminClientAsync();
        for (var i = 0; i < 5; i++)
        {
            (await admin.GetAsync("/api/monitoring/components")).EnsureSuccessStatusCode();
        }

        var qubo = new { variables = 2, linear = new[] { new { i = 0, weight = -1.0 }, new { i = 1, weight = 1.0 } }, quadratic = Array.Empty<object>(), offset = 0.0 };
        (await admin.PostAsJsonAsync("/api/optimize", new { qubo, timeLimitMs = 50, solver = "exact" })).EnsureSuccessStatusCode();

        var levels = (await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/service-levels"))!.ToDictionary(l => l.GetProperty("name").GetString()!);

        Assert.True(levels["api"].GetProperty("samples").GetInt32() >= 5);
        Assert.Equal(25, levels["api"].GetProperty("targetAverageMs").GetDouble());
        Assert.True(levels["api"].GetProperty("p99Ms").GetDouble() >= levels["api"].GetProperty("p95Ms").GetDouble());
        Assert.True(levels["database"].GetProperty("samples").GetInt32() > 0);
        Assert.Equal(10, levels["database"].GetProperty("targetAverageMs").GetDouble());
        Assert.True(levels["optimizer"].GetProperty("samples").GetInt32() >= 1);
        Assert.Equal(100, levels["optimizer"].GetProperty("targetAverageMs").GetDouble());
    }
}
