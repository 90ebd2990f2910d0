using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>
/// Kills the server (SIGKILL) in the middle of a write load and restarts it: every write the server had
/// acknowledged must be there afterwards.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private const string Password = "Crash-Test-Admin-Password-1";
    private readonly string _directory = Directory.CreateTempSubdirectory("nqba-crash-").FullName;
    private string _connectionString = string.Empty;
    private string? _postgresDatabase;

    public async Task InitializeAsync()
    {
        if (NqbaFactory.UsePostgres)
        {
            var server = Environment.GetEnvironmentVariable("NQBA_TEST_POSTGRES")!;
            _postgresDatabase = "nqba_crash_" + Guid.NewGuid().ToString("N")[..12];
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
            await create.ExecuteNonQueryAsync();
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ToString();
        }
        else
        {
            _connectionString = $"Data Source={Path.Combine(_directory, "nqba.db")}";
        }
    }

    public async Task DisposeAsync()
    {
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("NQBA_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Process StartServer(int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nqba.dll"));
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = NqbaFactory.UsePostgres ? "Postgres" : "Sqlite";
        start.Environment["Database__ConnectionString"] = _connectionString;
        start.Environment["Access__AdminPassword"] = Password;
        start.Environment["Access__RequireMfaForStaff"] = "false";
        start.Environment["Backup__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task<HttpClient> ConnectAsync(int port)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "the server did not become ready within 120 s");
            await Task.Delay(200); // a separate server process is starting (migrations, seeding): ask again shortly
        }

        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email = "admin@nqba.local", password = Password })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Sigkill_UnderWriteLoad_LosesNoAcknowledgedWrite()
    {
        var port = FreePort();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        using (var server = StartServer(port))
        {
            using var http = await ConnectAsync(port);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var response = await http.PostAsJsonAsync("/api/clients", new { name = $"crash-{w}-{i}", regionCode = "europe" }, stop.Token);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("id").GetGuid());
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException or IOException)
                    {
                        // The kill cuts requests off mid-flight; those were never acknowledged.
                    }
                }
            })).ToArray();

            // The writers run against a real separate process: let them get 40 writes acknowledged (bounded at 60 s).
            var loaded = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 40)
            {
                Assert.True(DateTime.UtcNow < loaded, $"only {acknowledged.Count} writes acknowledged within 60 s");
                await Task.Delay(50);
            }

            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        var restartPort = FreePort();
        using var restarted = StartServer(restartPort);
        try
        {
            using var http = await ConnectAsync(restartPort);
            var present = (await http.GetFromJsonAsync<List<JsonElement>>("/api/clients"))!.Select(c => c.GetProperty("id").GetGuid()).ToHashSet();

            var lost = acknowledged.Where(id => !present.Contains(id)).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged writes were lost");

            // The audit entry commits with its change: every client the crash left has exactly one creation entry,
            // and no entry names a client that is not there (a rolled-back write).
            var export = await http.GetStringAsync("/api/audit/export?action=access.client.created");
            var audited = export.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => Guid.Parse(JsonDocument.Parse(line).RootElement.GetProperty("entityId").GetString()!)).ToList();
            var crashClients = (await http.GetFromJsonAsync<List<JsonElement>>("/api/clients"))!
                .Where(c => c.GetProperty("name").GetString()!.StartsWith("crash-", StringComparison.Ordinal)).Select(c => c.GetProperty("id").GetGuid()).ToHashSet();
            var missing = crashClients.Where(id => !audited.Contains(id)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} of {crashClients.Count} committed clients have no audit entry");
            Assert.Equal(audited.Count, audited.Distinct().Count());
            Assert.All(audited, id => Assert.Contains(id, present));
            var verify = await http.GetFromJsonAsync<JsonElement>("/api/audit/verify");
            Assert.True(verify.GetProperty("isIntact").GetBoolean(), verify.ToString());
        }
        finally
        {
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }
    }
}
