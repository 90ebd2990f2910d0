using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

public sealed class CommandRunbookTests(CommandRunbookFactory factory) : IClassFixture<CommandRunbookFactory>
{
    [Fact]
    public async Task CommandRunbook_ComponentDown_RunsTheConfiguredScript_WhichRestartsTheService_AndTheIncidentResolves()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        // The configured command: touch the marker file, then call the service's restart hook over bash's /dev/tcp.
        await File.WriteAllTextAsync(factory.ScriptPath, $"""
            set -e
            date -u +%s > "$1"
            exec 3<>/dev/tcp/127.0.0.1/{service.BaseAddress.Port}
            printf 'POST /restart HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' >&3
            head -n 1 <&3

            """.ReplaceLineEndings("\n"));
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "worker", kind = "Http", target = service.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });
        var runbook = await (await admin.PostAsJsonAsync("/api/monitoring/runbooks", new { component, name = "restart worker", kind = "Command", command = CommandRunbookFactory.CommandName, cooldownSeconds = 300, maxAttemptsPerHour = 3 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);
        await scheduler.RunDueAsync(CancellationToken.None);

        service.Break();
        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);
        var incident = (await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents?open=true"))!
            .Single(i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component));
        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);

        var run = Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/runbooks/runs?runbookId={runbook.GetProperty("id").GetGuid()}"))!);
        var audit = await admin.GetFromJsonAsync<JsonElement[]>($"/api/audit?action=monitoring.runbook.ran&entityId={runbook.GetProperty("id").GetGuid()}");
        var resolved = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/incidents/{incident.GetProperty("id").GetGuid()}");

        Assert.True(File.Exists(factory.MarkerPath));
        Assert.Equal(1, service.Restarts);
        Assert.True(run.GetProperty("succeeded").GetBoolean(), run.GetProperty("outcome").GetString());
        Assert.StartsWith($"Command '{CommandRunbookFactory.CommandName}' exited with 0. HTTP/1.1 200 OK", run.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.Single(audit!);
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CreateRunbook_UnconfiguredCommand_Returns400NamingCommand()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/monitoring/runbooks", new { component = "database", name = "rm", kind = "Command", command = "rm -rf /" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("command", out _), problem.ToString());
    }
}
