using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

// HTTP latency benchmark of a real `nqba` process (Release build) on a fresh SQLite file, or PostgreSQL when
// --postgres "CONNECTION" is given. Each scenario runs for a fixed time with a fixed number of concurrent
// clients; /healthz (no auth, no database) is the baseline measured in the same run.
//
//   dotnet run -c Release --project bench/Nqba.LoadBench -- [--seconds 10] [--concurrency 8] [--postgres CONN]
var seconds = ArgValue("--seconds", 10);
var concurrency = ArgValue("--concurrency", 8);
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
var repo = FindRepoRoot();
var serverDll = Path.Combine(repo, "src", "Nqba.Server", "bin", "Release", "net10.0", "nqba.dll");
if (!File.Exists(serverDll))
{
    await Console.Error.WriteLineAsync($"Build the server first: dotnet build src/Nqba.Server -c Release ({serverDll} is missing).");
    return 2;
}

var work = Directory.CreateTempSubdirectory("nqba-loadbench-").FullName;
var port = FreePort();
const string password = "LoadBench-Admin-Password-1";
var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
start.ArgumentList.Add("exec");
start.ArgumentList.Add(serverDll);
start.Environment["Urls"] = $"http://127.0.0.1:{port}";
start.Environment["Database__Provider"] = postgres is null ? "Sqlite" : "Postgres";
start.Environment["Database__ConnectionString"] = postgres ?? $"Data Source={Path.Combine(work, "nqba.db")}";
start.Environment["Access__AdminPassword"] = password;
start.Environment["Access__RequireMfaForStaff"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";
// The benchmark client is one user: lift the per-user API rate limit so the server, not the limiter, is measured.
start.Environment["RateLimits__ApiPerMinute"] = "10000000";
start.Environment["Backup__Enabled"] = "false";
using var server = Process.Start(start)!;
_ = server.StandardOutput.ReadToEndAsync();
_ = server.StandardError.ReadToEndAsync();
try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    await WaitReadyAsync(http);
    var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email = "admin@nqba.local", password })).Content.ReadFromJsonAsync<JsonElement>();
    http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
    var leads = await http.GetFromJsonAsync<JsonElement[]>("/api/leads");
    var leadId = leads![0].GetProperty("id").GetString();
    var qubo = SmallQubo(64);

    await Console.Out.WriteLineAsync($"machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}; database: {(postgres is null ? "SQLite file" : "PostgreSQL")}; {concurrency} concurrent clients, {seconds} s per scenario");
    await Console.Out.WriteLineAsync();
    await Console.Out.WriteLineAsync("| scenario | requests | req/s | mean ms | p50 ms | p95 ms | p99 ms | errors |");
    await Console.Out.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|");
    await RunAsync("GET /healthz (baseline: no auth, no database)", () => http.GetAsync("/healthz"));
    await RunAsync("GET /api/leads/{id} (bearer auth, tenant filter, 1 read)", () => http.GetAsync($"/api/leads/{leadId}"));
    await RunAsync("GET /api/company/specialists (12 rows)", () => http.GetAsync("/api/company/specialists"));
    var n = 0;
    await RunAsync("POST /api/clients (insert + 2 audit entries)", () => http.PostAsJsonAsync("/api/clients", new { name = $"Bench {Interlocked.Increment(ref n)}", regionCode = "europe" }));
    await RunAsync("POST /api/optimize (64-var QUBO, 20 ms budget)", () => http.PostAsJsonAsync("/api/optimize", new { qubo, timeLimitMs = 20, solver = "sa", seed = 1 }));

    var verify = Stopwatch.StartNew();
    var verification = await http.GetFromJsonAsync<JsonElement>("/api/audit/verify");
    verify.Stop();
    await Console.Out.WriteLineAsync();
    await Console.Out.WriteLineAsync($"audit chain verify: {verification.GetProperty("entries").GetInt64()} entries in {verify.Elapsed.TotalMilliseconds:F0} ms ({verification.GetProperty("entries").GetInt64() / verify.Elapsed.TotalSeconds:F0} entries/s), intact: {verification.GetProperty("isIntact").GetBoolean()}");

    var metrics = await http.GetStringAsync("/metrics");
    var sum = Regex.Matches(metrics, @"^nqba_db_command_duration_seconds_sum\{[^}]*\} ([0-9.eE+-]+)", RegexOptions.Multiline).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    var count = Regex.Matches(metrics, @"^nqba_db_command_duration_seconds_count\{[^}]*\} ([0-9.eE+-]+)", RegexOptions.Multiline).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    await Console.Out.WriteLineAsync($"database commands (server-side, all scenarios): {count:F0} commands, mean {(count > 0 ? sum / count * 1000 : 0):F3} ms");
    return 0;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    Directory.Delete(work, recursive: true);
}

async Task RunAsync(string name, Func<Task<HttpResponseMessage>> call)
{
    // Warm-up: JIT, connection pool, SQLite page cache.
    for (var i = 0; i < 50; i++)
    {
        (await call()).Dispose();
    }

    var latencies = new List<double>[concurrency];
    var errors = 0;
    var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
    {
        var mine = latencies[worker] = new List<double>(100_000);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await call();
            mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
            }
        }
    }));
    clock.Stop();
    var all = latencies.SelectMany(l => l).Order().ToArray();
    double P(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))];
    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {all.Length} | {all.Length / clock.Elapsed.TotalSeconds:F0} | {all.Average():F2} | {P(0.50):F2} | {P(0.95):F2} | {P(0.99):F2} | {errors} |"));
}

static object SmallQubo(int n)
{
    var random = new Random(42);
    var quadratic = new List<object>();
    for (var i = 0; i < n; i++)
    {
        for (var j = i + 1; j < n; j++)
        {
            if (random.NextDouble() < 0.1)
            {
                quadratic.Add(new { i, j, weight = Math.Round(random.NextDouble() * 4 - 2, 3) });
            }
        }
    }

    return new { variables = n, linear = Enumerable.Range(0, n).Select(i => new { i, weight = Math.Round(random.NextDouble() * 2 - 1, 3) }), quadratic };
}

static async Task WaitReadyAsync(HttpClient http)
{
    for (var i = 0; i < 300; i++)
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

    throw new TimeoutException("the server did not become ready in 30 s");
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

static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

int ArgValue(string name, int fallback)
{
    var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}
