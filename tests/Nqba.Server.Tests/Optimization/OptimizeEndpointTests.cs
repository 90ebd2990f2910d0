using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Optimization;

public sealed class OptimizeEndpointTests(OptimizeEndpointTests.Factory factory) : IClassFixture<OptimizeEndpointTests.Factory>
{
    /// <summary>The queued solve runs when a test runs the due jobs, not when the server's scheduler gets to it.</summary>
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:FireOnSchedule"] = "false" };
    }

    /// <summary>A random 12-variable QUBO and its true minimum by enumeration (4,096 assignments).</summary>
    private static (object Qubo, double Minimum, double Maximum) RandomQubo(int seed)
    {
        const int n = 12;
        var random = new Random(seed);
        var linear = Enumerable.Range(0, n).Select(i => (I: i, W: Math.Round((random.NextDouble() * 10) - 5, 2))).ToArray();
        var quadratic = new List<(int I, int J, double W)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (random.NextDouble() < 0.4)
                {
                    quadratic.Add((i, j, Math.Round((random.NextDouble() * 10) - 5, 2)));
                }
            }
        }

        double min = double.MaxValue, max = double.MinValue;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var energy = linear.Where(t => (mask >> t.I & 1) == 1).Sum(t => t.W) + quadratic.Where(t => (mask >> t.I & 1) == 1 && (mask >> t.J & 1) == 1).Sum(t => t.W);
            min = Math.Min(min, energy);
            max = Math.Max(max, energy);
        }

        var qubo = new
        {
            variables = n,
            linear = linear.Select(t => new { i = t.I, weight = t.W }),
            quadratic = quadratic.Select(t => new { i = t.I, j = t.J, weight = t.W }),
            offset = 0.0,
        };
        return (qubo, min, max);
    }

    [Fact]
    public async Task SmallBudget_AnswersAtOnce_WithTheTrueMinimum()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (qubo, minimum, _) = RandomQubo(7);

        var response = await admin.PostAsJsonAsync("/api/optimize", new { qubo, timeLimitMs = 200, solver = "auto", seed = 1 });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(minimum, result.GetProperty("objective").GetDouble(), 6);
        Assert.Equal(12, result.GetProperty("solution").GetArrayLength());
    }

    [Fact]
    public async Task MaximizeSense_ReportsTheMaximum()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (qubo, _, maximum) = RandomQubo(11);
        var json = JsonSerializer.SerializeToElement(qubo);
        var maximize = JsonSerializer.Deserialize<Dictionary<string, object>>(json.GetRawText())!;
        maximize["sense"] = "maximize";

        var result = await (await admin.PostAsJsonAsync("/api/optimize", new { qubo = maximize, timeLimitMs = 200, solver = "tabu", seed = 3 })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(maximum, result.GetProperty("objective").GetDouble(), 6);
    }

    [Fact]
    public async Task LongBudget_BecomesAJob_WithItsResultLater()
    {
        var admin = await factory.CreateAdminClientAsync();
        var (qubo, minimum, _) = RandomQubo(5);

        var accepted = await admin.PostAsJsonAsync("/api/optimize", new { qubo, timeLimitMs = 2500, solver = "sa", seed = 2, target = minimum });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!;
        Assert.Equal("Queued", (await admin.GetFromJsonAsync<JsonElement>(location)).GetProperty("status").GetString());

        // The queue job the server's scheduler would fire: it solves for its 2.5 s budget of real CPU time.
        await factory.RunDueJobsAsync();
        var job = await admin.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(minimum, job.GetProperty("result").GetProperty("objective").GetDouble(), 6);
        Assert.True(job.GetProperty("result").GetProperty("reachedTarget").GetBoolean());
    }

    [Fact]
    public async Task BadModel_Returns400NamingTheField()
    {
        var admin = await factory.CreateAdminClientAsync();
        var qubo = new { variables = 3, linear = Array.Empty<object>(), quadratic = new[] { new { i = 0, j = 7, weight = 1.0 } } };

        var response = await admin.PostAsJsonAsync("/api/optimize", new { qubo, timeLimitMs = 100, solver = "quantum" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("qubo.quadratic[0].j", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("solver", out _), errors.ToString());
    }

    [Fact]
    public async Task ClientUser_IsForbidden()
    {
        var email = $"c-{Guid.NewGuid():N}@acme.example";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var client = await factory.CreateClientForAsync(email, password);

        var response = await client.PostAsJsonAsync("/api/optimize", new { qubo = RandomQubo(1).Qubo, timeLimitMs = 100 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
