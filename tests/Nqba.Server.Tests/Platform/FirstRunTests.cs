using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Nqba.Server.Tests.Platform;

/// <summary>
/// The README's first run, as a new user gets it: the built executable started in Production (no launch
/// settings, no environment) with the shipped appsettings.json on a fresh data folder, plain HTTP and HTTPS with
/// the self-signed certificate. What the user sees: styled pages, a password they can find again, a truthful
/// status page and a quiet log.
/// </summary>
public sealed class FirstRunTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nqba-first-run-").FullName;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _server;
    private int _httpPort;
    private int _httpsPort;

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(_directory, "appsettings.json"));
        _httpPort = FreePort();
        _httpsPort = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nqba.dll"));
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        // Only the ports differ from the shipped defaults, so parallel test runs do not collide.
        start.Environment["Urls"] = $"http://127.0.0.1:{_httpPort};https://127.0.0.1:{_httpsPort}";
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => Collect(e.Data);
        _server.ErrorDataReceived += (_, e) => Collect(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!_output.Any(l => l.StartsWith("First start:", StringComparison.Ordinal)))
        {
            Assert.False(_server.HasExited, "the server exited: " + string.Join('\n', _output));
            Assert.True(DateTime.UtcNow < deadline, "no first-start line within 120 s: " + string.Join('\n', _output));
            await Task.Delay(100); // the real server process prints its first-start line once it has seeded
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _server.WaitForExitAsync(timeout.Token);
        }

        _server?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ReadmeRunCommand_FreshDataFolder_ServesStyledTruthfulQuietProduct()
    {
        // The password line is on the first screen, and the password is in an owner-only file whose path is printed.
        var lines = _output.ToList();
        var first = lines.FindIndex(l => l.StartsWith("First start:", StringComparison.Ordinal));
        Assert.InRange(first, 0, 24);
        var password = lines[first].Split(" with password ")[1].Trim();
        var file = Path.Combine(_directory, "data", "initial-admin-password.txt");
        Assert.Contains(lines, l => l.Contains(file, StringComparison.Ordinal));
        Assert.Equal($"admin@nqba.local\n{password}\n", await File.ReadAllTextAsync(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        using var handler = new HttpClientHandler
        {
            // The install's own self-signed certificate, as a browser that accepted it once.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var https = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{_httpsPort}"), Timeout = TimeSpan.FromSeconds(30) };

        // Static assets are served with content to a browser that accepts compression (they were 0-byte 200s).
        foreach (var asset in new[] { "/app.css", "/support-countdown.js" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
            using var response = await https.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, asset + " is empty");
            Assert.NotNull(response.Content.Headers.ContentType);
        }

        // The health endpoints answer on the plain address (no redirect to a certificate a probe would not trust).
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{_httpPort}") };
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/healthz")).StatusCode);

        // The self-check reports the API up: the status page stays operational and shows nothing internal.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement api;
        string json;
        while (true)
        {
            json = await https.GetStringAsync("/api/status");
            api = JsonDocument.Parse(json).RootElement.GetProperty("units").EnumerateArray()
                .SelectMany(u => u.GetProperty("components").EnumerateArray())
                .Single(c => c.GetProperty("key").GetString() == "nqba-api");
            if (api.GetProperty("state").GetString() != "Unknown" || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500); // the separate process's own monitor checks itself on its real clock: ask again
        }

        // Up, or degraded when a cold start's first answer is slower than the self-check's latency threshold.
        Assert.True(api.GetProperty("state").GetString() is "Up" or "Degraded", json);
        var page = await https.GetStringAsync("/status");
        foreach (var text in new[] { json, page })
        {
            Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("localhost", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("exception", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SSL", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Major outage", page, StringComparison.Ordinal);
        Assert.Contains("Not monitored", page, StringComparison.Ordinal);

        // A quiet log: no warnings, errors or stack traces from a healthy first start.
        var log = _output.ToList();
        Assert.DoesNotContain(log, l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.True(log.Count < 40, $"{log.Count} log lines after start:\n" + string.Join('\n', log));
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
