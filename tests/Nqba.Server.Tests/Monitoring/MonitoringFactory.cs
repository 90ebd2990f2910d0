using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

/// <summary>The server with its check scheduler off: tests drive schedulers by hand on a fake clock.</summary>
public class MonitoringFactory : NqbaFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Monitoring:SchedulerEnabled"] = "false",
    };

    /// <summary>A scheduler instance of its own (as another server instance would have) on the given clock.</summary>
    internal MonitorScheduler CreateScheduler(TimeProvider time) =>
        ActivatorUtilities.CreateInstance<MonitorScheduler>(Services, time);

    public static FakeTimeProvider FakeClock() => new(DateTimeOffset.UtcNow);

    /// <summary>Creates a component of its own for a test (so tests sharing the server do not see each other's state).</summary>
    public static async Task<string> CreateComponentAsync(HttpClient admin, string unitCode = "nqba-core", decimal target = 99.9m)
    {
        var key = "c-" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostAsJsonAsync("/api/monitoring/components", new { key, name = "Component " + key, unitCode, unitName = unitCode, targetPercent = target });
        response.EnsureSuccessStatusCode();
        return key;
    }

    public static async Task<(Guid Id, string? Token)> CreateMonitorAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("/api/monitoring/monitors", request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = created.GetProperty("heartbeatToken");
        return (created.GetProperty("monitor").GetProperty("id").GetGuid(), token.ValueKind == JsonValueKind.String ? token.GetString() : null);
    }
}
