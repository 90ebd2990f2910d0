using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

// Live-chat latency of a real `nqba` process (Release build, fresh SQLite file or PostgreSQL with --postgres CONN):
// the time from a visitor's widget sending a message (hub invocation) to the agent console receiving it, over
// WebSockets. Baseline: one idle visitor and the agent, messages one at a time. Then N widgets are connected
// (each its own visitor token and WebSocket), every chat is accepted by the agent, and the widgets send at a
// steady total rate while the same latency is measured.
//
//   dotnet run -c Release --project bench/Nqba.ChatBench -- [--widgets 500] [--seconds 20] [--rate 100] [--postgres CONN]
var widgets = ArgValue("--widgets", 500);
var seconds = ArgValue("--seconds", 20);
var rate = ArgValue("--rate", 100);
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
var repo = FindRepoRoot();
var serverDll = Path.Combine(repo, "src", "Nqba.Server", "bin", "Release", "net10.0", "nqba.dll");
if (!File.Exists(serverDll))
{
    await Console.Error.WriteLineAsync($"Build the server first: dotnet build src/Nqba.Server -c Release ({serverDll} is missing).");
    return 2;
}

var work = Directory.CreateTempSubdirectory("nqba-chatbench-").FullName;
var port = FreePort();
const string password = "ChatBench-Admin-Password-1";
var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
start.ArgumentList.Add("exec");
start.ArgumentList.Add(serverDll);
start.Environment["Urls"] = $"http://127.0.0.1:{port}";
start.Environment["Database__Provider"] = postgres is null ? "Sqlite" : "Postgres";
start.Environment["Database__ConnectionString"] = postgres ?? $"Data Source={Path.Combine(work, "nqba.db")}";
start.Environment["Access__AdminPassword"] = password;
start.Environment["Access__RequireMfaForStaff"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";
start.Environment["Backup__Enabled"] = "false";
// All widgets come from one IP and send fast: lift the per-IP and per-visitor limits so the chat path is measured.
start.Environment["RateLimits__PublicFormsPerMinute"] = "1000000";
start.Environment["RateLimits__ApiPerMinute"] = "10000000";
start.Environment["SupportChat__VisitorMessagesPerMinute"] = "100000";
using var server = Process.Start(start)!;
_ = server.StandardOutput.ReadToEndAsync();
_ = server.StandardError.ReadToEndAsync();
var baseUri = new Uri($"http://127.0.0.1:{port}");
var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
var latencies = new ConcurrentBag<double>();
try
{
    using var http = new HttpClient { BaseAddress = baseUri };
    await WaitReadyAsync(http);
    var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email = "admin@nqba.local", password })).Content.ReadFromJsonAsync<JsonElement>();
    var accessToken = token.GetProperty("accessToken").GetString();

    await using var agent = Build("hubs/support/agent", o => o.AccessTokenProvider = () => Task.FromResult(accessToken));
    agent.On<JsonElement>("Message", m =>
    {
        var body = m.GetProperty("body").GetString()!;
        if (sent.TryRemove(body, out var t0))
        {
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
    });
    await agent.StartAsync();

    await Console.Out.WriteLineAsync($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; database: {(postgres is null ? "SQLite file" : "PostgreSQL")}; transport: WebSockets; client and server on this machine");
    await Console.Out.WriteLineAsync();
    await Console.Out.WriteLineAsync("| scenario | messages | msg/s | p50 ms | p95 ms | p99 ms | max ms | lost |");
    await Console.Out.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|");

    // Baseline: one widget, nothing else connected but the agent; one message at a time.
    var single = await ConnectVisitorAsync(agent, 0);
    for (var i = 0; i < 50; i++)
    {
        await SendAndWaitAsync(single, $"warm {i}");
    }

    latencies.Clear();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < 500; i++)
    {
        await SendAndWaitAsync(single, $"idle {i}");
    }

    await ReportAsync("1 idle widget, one message at a time (baseline)", 500, clock.Elapsed);

    // Load: N widgets connected, chats accepted, messages at a steady total rate from random widgets.
    var visitors = new List<HubConnection> { single };
    for (var i = 1; i < widgets; i++)
    {
        visitors.Add(await ConnectVisitorAsync(agent, i));
    }

    latencies.Clear();
    sent.Clear();
    var total = rate * seconds;
    var interval = TimeSpan.FromSeconds(1.0 / rate);
    var random = new Random(7);
    var pending = new List<Task>(total);
    clock.Restart();
    for (var i = 0; i < total; i++)
    {
        var due = interval * i;
        var wait = due - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var body = $"load {i}";
        sent[body] = Stopwatch.GetTimestamp();
        pending.Add(visitors[random.Next(visitors.Count)].InvokeAsync<JsonElement>("Send", body));
    }

    await Task.WhenAll(pending);
    var drain = Stopwatch.StartNew();
    while (!sent.IsEmpty && drain.Elapsed < TimeSpan.FromSeconds(10))
    {
        await Task.Delay(50);
    }

    await ReportAsync($"{widgets} connected widgets, {rate} msg/s for {seconds} s", total, clock.Elapsed);

    // The idle baseline again with all widgets still connected (idle).
    latencies.Clear();
    clock.Restart();
    for (var i = 0; i < 500; i++)
    {
        await SendAndWaitAsync(single, $"after {i}");
    }

    await ReportAsync($"{widgets} connected idle widgets, one message at a time", 500, clock.Elapsed);
    foreach (var v in visitors)
    {
        await v.DisposeAsync();
    }

    return 0;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    Directory.Delete(work, recursive: true);
}

HubConnection Build(string path, Action<HttpConnectionOptions>? configure = null) =>
    new HubConnectionBuilder()
        .WithUrl(new Uri(baseUri, path), HttpTransportType.WebSockets, o =>
        {
            o.SkipNegotiation = true;
            configure?.Invoke(o);
        })
        .Build();

async Task<HubConnection> ConnectVisitorAsync(HubConnection agentConnection, int index)
{
    var connection = Build($"hubs/support/visitor?visitor=bench-visitor-{index:D6}-{Guid.NewGuid():N}");
    await connection.StartAsync();
    var view = await connection.InvokeAsync<JsonElement>("Start", new { name = $"Visitor {index}", email = $"visitor{index}@bench.example", region = "us-east", language = "en" });
    // Accepted chats go straight to the agent (no bot), which is the live-chat path being measured.
    await agentConnection.InvokeAsync<JsonElement>("Accept", view.GetProperty("conversation").GetProperty("id").GetGuid());
    return connection;
}

async Task SendAndWaitAsync(HubConnection connection, string body)
{
    sent[body] = Stopwatch.GetTimestamp();
    await connection.InvokeAsync<JsonElement>("Send", body);
    var spin = Stopwatch.StartNew();
    while (sent.ContainsKey(body) && spin.Elapsed < TimeSpan.FromSeconds(10))
    {
        await Task.Delay(1);
    }
}

async Task ReportAsync(string name, int expected, TimeSpan elapsed)
{
    var all = latencies.Order().ToArray();
    double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {all.Length} | {all.Length / elapsed.TotalSeconds:F0} | {P(0.50):F2} | {P(0.95):F2} | {P(0.99):F2} | {(all.Length == 0 ? double.NaN : all[^1]):F2} | {expected - all.Length} |"));
}

static async Task WaitReadyAsync(HttpClient http)
{
    for (var i = 0; i < 1800; i++)
    {
        try
        {
            if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // not listening yet
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("the server did not become ready in 180 s");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nqba.slnx")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}

int ArgValue(string name, int fallback)
{
    var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}
