using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Monitoring;

public sealed class MonitorCheckTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    private static async Task<JsonElement> GetMonitorAsync(HttpClient admin, Guid id) =>
        await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}");

    [Fact]
    public async Task Seed_HasAComponentPerUnitAndPlatformParts_WithTargets_AndASelfCheck()
    {
        var admin = await factory.CreateAdminClientAsync();

        var components = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/components");
        var monitors = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/monitors");

        var targets = components!.ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("targetPercent").GetDecimal());
        Assert.Equal(99.97m, targets["flyfox-ai"]);
        Assert.Equal(99.97m, targets["sigma-select"]);
        Assert.Equal(99.97m, targets["goliath-trade"]);
        Assert.Equal(99.97m, targets["nqba-core"]);
        Assert.Equal(99.99m, targets["nqba-api"]);
        Assert.Equal(99.95m, targets["database"]);
        Assert.Equal(99.90m, targets["optimization"]);
        Assert.Contains(monitors!, m => m.GetProperty("target").GetString() == "/healthz" && m.GetProperty("component").GetString() == "nqba-api");
    }

    [Fact]
    public async Task CreateMonitor_BadTarget_Returns400NamingTheFields()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/monitoring/monitors", new { component = "no-such", name = "x", kind = "Tcp", target = "not a host", intervalSeconds = 30, timeoutSeconds = 5 });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("target", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("component", out _), problem.ToString());
    }

    [Fact]
    public async Task CreateMonitor_AsNonAdminStaff_IsForbidden()
    {
        var email = $"agent-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, "SupportAgent");
        var key = await factory.EnableTotpAsync(email);
        var agent = await factory.CreateClientForAsync(email, password, key);

        var list = await agent.GetAsync("/api/monitoring/monitors");
        var create = await agent.PostAsJsonAsync("/api/monitoring/monitors", new { component = "nqba-api", name = "x", kind = "Heartbeat" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task HttpMonitor_DownOnlyAfterRetries_DegradedOnJsonConditionAndRecovers()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new
        {
            component,
            name = "health",
            kind = "Http",
            target = service.Url("/health"),
            jsonPath = "$.status",
            jsonExpected = "ok",
            intervalSeconds = 30,
            timeoutSeconds = 5,
            retries = 2,
        });
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);

        await scheduler.RunDueAsync(CancellationToken.None);
        Assert.Equal("Up", (await GetMonitorAsync(admin, id)).GetProperty("state").GetString());

        service.ReportStatus("failing");
        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);
        Assert.Equal("Degraded", (await GetMonitorAsync(admin, id)).GetProperty("state").GetString());

        service.ReportStatus("ok");
        service.Break();
        var states = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            await scheduler.RunDueAsync(CancellationToken.None);
            states.Add((await GetMonitorAsync(admin, id)).GetProperty("state").GetString()!);
        }

        Assert.Equal(["Pending", "Pending", "Down"], states);

        service.Heal();
        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);
        var monitor = await GetMonitorAsync(admin, id);
        Assert.Equal("Up", monitor.GetProperty("state").GetString());
        Assert.Equal(0, monitor.GetProperty("consecutiveFailures").GetInt32());
    }

    [Fact]
    public async Task HttpMonitor_MissingKeywordOrSlowerThanDegradedLatencyMs_IsDegraded_OpensNoIncident_AndRecovers()
    {
        var admin = await factory.CreateAdminClientAsync();
        await using var service = await LocalHttpService.StartAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new
        {
            component,
            name = "health",
            kind = "Http",
            target = service.Url("/health"),
            keyword = "\"status\":\"ok\"",
            degradedLatencyMs = 1000,
            intervalSeconds = 30,
            timeoutSeconds = 5,
            retries = 0,
        });
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);
        var seen = new List<(string State, string Message)>();
        // Warm the service up, so that the first check is not slow for reasons of its own.
        using (var warmUp = new HttpClient())
        {
            (await warmUp.GetAsync(service.Url("/health"))).EnsureSuccessStatusCode();
        }

        async Task CheckAsync()
        {
            await scheduler.RunDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(30));
            var monitor = await GetMonitorAsync(admin, id);
            seen.Add((monitor.GetProperty("state").GetString()!, monitor.GetProperty("lastMessage").GetString()!));
        }

        await CheckAsync();
        service.ReportStatus("starting");
        await CheckAsync();
        service.ReportStatus("ok");
        service.SlowDown(1500);
        await CheckAsync();
        service.SlowDown(0);
        await CheckAsync();

        var components = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/components");
        var incidents = await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents");
        Assert.Equal(["Up", "Degraded", "Degraded", "Up"], seen.Select(s => s.State));
        Assert.Equal("HTTP 200, but the body lacks '\"status\":\"ok\"'.", seen[1].Message);
        Assert.Matches(@"^HTTP 200 in \d+ ms, slower than 1000 ms\.$", seen[2].Message);
        Assert.Equal("Up", components!.Single(c => c.GetProperty("key").GetString() == component).GetProperty("state").GetString());
        Assert.DoesNotContain(incidents!, i => i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component));
    }

    [Fact]
    public async Task TcpMonitor_OpenPortIsUp_ClosedPortIsDown()
    {
        var admin = await factory.CreateAdminClientAsync();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "tcp", kind = "Tcp", target = $"127.0.0.1:{port}", intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);

        await scheduler.RunDueAsync(CancellationToken.None);
        var up = (await GetMonitorAsync(admin, id)).GetProperty("state").GetString();
        listener.Stop();
        clock.Advance(TimeSpan.FromSeconds(30));
        await scheduler.RunDueAsync(CancellationToken.None);
        var down = (await GetMonitorAsync(admin, id)).GetProperty("state").GetString();

        Assert.Equal("Up", up);
        Assert.Equal("Down", down);
    }

    [Fact]
    public async Task TlsMonitor_CertificateAboutToExpire_IsDegraded_AndExpiringTomorrowIsDown()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        await using var fiveDays = await TlsServer.StartAsync(TimeSpan.FromDays(5));
        await using var halfDay = await TlsServer.StartAsync(TimeSpan.FromHours(12));
        var (degradedId, _) = await MonitoringFactory.CreateMonitorAsync(admin, new
        {
            component,
            name = "tls 5d",
            kind = "Tls",
            target = $"localhost:{fiveDays.Port}",
            acceptUntrustedCertificate = true,
            tlsDegradedDays = 14,
            tlsDownDays = 1,
            intervalSeconds = 60,
            timeoutSeconds = 10,
            retries = 0,
        });
        var (downId, _) = await MonitoringFactory.CreateMonitorAsync(admin, new
        {
            component,
            name = "tls 12h",
            kind = "Tls",
            target = $"localhost:{halfDay.Port}",
            acceptUntrustedCertificate = true,
            tlsDegradedDays = 14,
            tlsDownDays = 1,
            intervalSeconds = 60,
            timeoutSeconds = 10,
            retries = 0,
        });

        await factory.CreateScheduler(MonitoringFactory.FakeClock()).RunDueAsync(CancellationToken.None);
        var degraded = await GetMonitorAsync(admin, degradedId);
        var down = await GetMonitorAsync(admin, downId);

        Assert.Equal("Degraded", degraded.GetProperty("state").GetString());
        Assert.Contains("4 days left", degraded.GetProperty("lastMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal("Down", down.GetProperty("state").GetString());
        var warnings = (await admin.GetFromJsonAsync<JsonElement[]>("/api/monitoring/incidents?open=true"))!
            .Where(i => i.GetProperty("predicted").GetBoolean() && i.GetProperty("components").EnumerateArray().Any(c => c.GetString() == component))
            .Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Contains(warnings, t => t!.StartsWith("tls 5d", StringComparison.Ordinal) && t.EndsWith("within 7 days", StringComparison.Ordinal));
        Assert.Contains(warnings, t => t!.StartsWith("tls 12h", StringComparison.Ordinal) && t.EndsWith("within 1 day", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CertificateExpiryBadge_ShowsTheDaysLeftOfTheSoonestCertificate_AndNoDataWithoutATlsMonitor()
    {
        var admin = await factory.CreateAdminClientAsync();
        var anonymous = factory.CreateClient();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var untested = await MonitoringFactory.CreateComponentAsync(admin);
        await using var tenDays = await TlsServer.StartAsync(TimeSpan.FromDays(10.5));
        await using var fortyDays = await TlsServer.StartAsync(TimeSpan.FromDays(40.5));
        foreach (var server in new[] { tenDays, fortyDays })
        {
            await MonitoringFactory.CreateMonitorAsync(admin, new
            {
                component,
                name = "tls " + server.Port,
                kind = "Tls",
                target = $"localhost:{server.Port}",
                acceptUntrustedCertificate = true,
                tlsDegradedDays = 14,
                tlsDownDays = 1,
                intervalSeconds = 60,
                timeoutSeconds = 10,
                retries = 0,
            });
        }

        await factory.CreateScheduler(MonitoringFactory.FakeClock()).RunDueAsync(CancellationToken.None);
        var badge = await anonymous.GetAsync($"/api/status/badge/{component}/cert-exp.svg");
        var none = await anonymous.GetStringAsync($"/api/status/badge/{untested}/cert-exp.svg");

        Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
        Assert.Equal("image/svg+xml", badge.Content.Headers.ContentType!.MediaType);
        var svg = await badge.Content.ReadAsStringAsync();
        Assert.Contains("certificate: 10 days", svg, StringComparison.Ordinal);
        Assert.Contains("#dfb317", svg, StringComparison.Ordinal);
        Assert.Contains("certificate: no data", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeartbeatMonitor_PushKeepsItUp_SilenceMakesItDown()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, token) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "nightly job", kind = "Heartbeat", intervalSeconds = 60, timeoutSeconds = 10, retries = 1 });
        var clock = MonitoringFactory.FakeClock();
        var scheduler = factory.CreateScheduler(clock);
        var anonymous = factory.CreateClient();

        var push = await anonymous.PostAsync($"/api/monitoring/heartbeat/{token}", null);
        var wrong = await anonymous.PostAsync("/api/monitoring/heartbeat/not-the-token", null);
        await scheduler.RunDueAsync(CancellationToken.None);
        var afterPush = (await GetMonitorAsync(admin, id)).GetProperty("state").GetString();
        var states = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(75));
            await scheduler.RunDueAsync(CancellationToken.None);
            states.Add((await GetMonitorAsync(admin, id)).GetProperty("state").GetString()!);
        }

        Assert.Equal(HttpStatusCode.OK, push.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("Up", afterPush);
        Assert.Equal(["Pending", "Down"], states);
        Assert.Contains("Silent", (await GetMonitorAsync(admin, id)).GetProperty("lastMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoSchedulers_OnOneDatabase_RunEachCheckOncePerInterval()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "beat", kind = "Heartbeat", intervalSeconds = 60, timeoutSeconds = 10 });
        var clock = MonitoringFactory.FakeClock();
        var first = factory.CreateScheduler(clock);
        var second = factory.CreateScheduler(clock);

        for (var step = 0; step < 6; step++)
        {
            // Both instances poll at the same moments, every 20 s: three polls per 60-s interval each.
            await Task.WhenAll(first.RunDueAsync(CancellationToken.None), second.RunDueAsync(CancellationToken.None));
            clock.Advance(TimeSpan.FromSeconds(20));
        }

        var results = await admin.GetFromJsonAsync<JsonElement[]>($"/api/monitoring/monitors/{id}/results");
        Assert.Equal(2, results!.Length);
    }

    /// <summary>A TLS listener on 127.0.0.1 with a self-signed certificate that expires after <c>lifetime</c>.</summary>
    private sealed class TlsServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly X509Certificate2 _certificate;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        private TlsServer(TcpListener listener, X509Certificate2 certificate)
        {
            _listener = listener;
            _certificate = certificate;
            _loop = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static Task<TlsServer> StartAsync(TimeSpan lifetime)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var now = DateTimeOffset.UtcNow;
            using var created = request.CreateSelfSigned(now.AddDays(-1), now + lifetime);
            var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return Task.FromResult(new TlsServer(listener, certificate));
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    await using var ssl = new SslStream(client.GetStream());
                    await ssl.AuthenticateAsServerAsync(_certificate);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or System.Security.Authentication.AuthenticationException)
                {
                    // The client hangs up after the handshake; the next one is served.
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _certificate.Dispose();
            _stop.Dispose();
        }
    }
}
