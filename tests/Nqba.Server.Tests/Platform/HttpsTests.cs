using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>
/// Transport security as a browser meets it: the real server (Kestrel, Production settings, its self-signed
/// certificate) on loopback ports, not the in-memory test host.
/// </summary>
public sealed partial class HttpsTests(HttpsTests.Server server) : IClassFixture<HttpsTests.Server>
{
    private const string Password = "Https-Test-Admin-Password-1";

    /// <summary>One server process for the class, on two free loopback ports.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("nqba-https-").FullName;
        private Process? _process;

        public int HttpPort { get; } = FreePort();

        public int HttpsPort { get; } = FreePort();

        public async Task InitializeAsync()
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nqba.dll"));
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment["Urls"] = $"http://127.0.0.1:{HttpPort};https://127.0.0.1:{HttpsPort}";
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(_directory, "nqba.db")}";
            start.Environment["Access__AdminPassword"] = Password;
            start.Environment["Access__RequireMfaForStaff"] = "false";
            start.Environment["Backup__Enabled"] = "false";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            // The test client plays a reverse proxy on loopback; three sign-ins a minute per client make the limit quick to reach.
            start.Environment["ReverseProxy__KnownProxies__0"] = "127.0.0.1";
            start.Environment["RateLimits__SignInPerMinute"] = "3";
            _process = Process.Start(start)!;
            _ = _process.StandardOutput.ReadToEndAsync();
            _ = _process.StandardError.ReadToEndAsync();

            using var https = Https(HttpsPort);
            var deadline = DateTime.UtcNow.AddMinutes(5); // migrations and seeding on a busy CI machine
            while (true)
            {
                try
                {
                    if ((await https.GetAsync("/readyz")).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline && !_process.HasExited)
                {
                }
                catch (HttpRequestException)
                {
                    await DisposeAsync();
                    throw;
                }

                await Task.Delay(250); // the separate server process is not listening yet: ask again (bounded by the deadline)
            }
        }

        public async Task DisposeAsync()
        {
            if (_process is not null)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
                _process.Dispose();
                _process = null;
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // the killed server's files may still be closing; the OS temp cleaner takes them
            }
        }
    }

    private int HttpPort => server.HttpPort;

    private int HttpsPort => server.HttpsPort;

    private HttpClient Https() => Https(server.HttpsPort);

    private static HttpClient Https(int port) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    {
        BaseAddress = new Uri($"https://127.0.0.1:{port}"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }


    [Fact]
    public async Task PlainHttp_RedirectsToHttps()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };

        var response = await http.GetAsync("/account/login?x=1");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, response.StatusCode.ToString());
        Assert.Equal($"https://127.0.0.1:{HttpsPort}/account/login?x=1", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task BehindATlsTerminatingProxy_ForwardedHttps_IsServedWithoutARedirect()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        forwarded.Headers.Add("X-Forwarded-Proto", "https");
        forwarded.Headers.Add("X-Forwarded-For", "198.51.100.20");
        forwarded.Headers.Host = "nqba.example"; // HSTS is never sent for loopback host names

        var response = await http.SendAsync(forwarded);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "the proxy's HTTPS counts as HTTPS: HSTS is sent");
    }

    [Fact]
    public async Task BehindAKnownProxy_EachForwardedClient_HasItsOwnSignInLimit()
    {
        using var https = Https();
        async Task<HttpStatusCode> SignInAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
            {
                Content = JsonContent.Create(new { email = "nobody@proxy.example", password = "wrong-password-123" }),
            };
            request.Headers.Add("X-Forwarded-For", client);
            return (await https.SendAsync(request)).StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await SignInAsync("198.51.100.7"));
        }

        var second = await SignInAsync("198.51.100.8");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.Unauthorized, second);
    }

    [Fact]
    public async Task PlainHttp_WithAForeignHostHeader_RedirectsToTheServersOwnHost()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "evil.example";

        var response = await http.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, response.StatusCode.ToString());
        Assert.Equal($"https://127.0.0.1:{HttpsPort}/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Responses_CarryNoServerHeader()
    {
        using var https = Https();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };

        var page = await https.GetAsync("/account/login");
        var redirect = await http.GetAsync("/");
        var missing = await https.GetAsync("/no-such-page-" + Guid.NewGuid());

        Assert.All(new[] { page, redirect, missing }, r => Assert.False(r.Headers.Contains("Server"), string.Join(",", r.Headers.Server)));
    }

    [Fact]
    public async Task AntiforgeryCookieOverHttps_IsSecure()
    {
        using var https = Https();

        var page = await https.GetAsync("/account/login");

        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("secure", cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()));
    }

    [Fact]
    public async Task Https_SendsHsts_ForItsHostName()
    {
        using var https = Https();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "nqba.example.com";

        var response = await https.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
        Assert.Contains("includeSubDomains", hsts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInOverHttps_SetsASecureHttpOnlySameSiteAuthCookie()
    {
        using var https = Https();
        var page = await https.GetAsync("/account/login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var token = AntiforgeryTokens.From(await page.Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "admin@nqba.local",
                ["Password"] = Password,
                ["ReturnUrl"] = "/dashboard",
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", antiforgery));

        var response = await https.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("nqba.auth=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains(attributes, a => a is "samesite=lax" or "samesite=strict");
        Assert.All(antiforgery.Concat(page.Headers.GetValues("Set-Cookie")), c => Assert.DoesNotContain("samesite=none", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Tls11Handshake_IsRefused_WhileTls12IsAccepted()
    {
        // A hand-built ClientHello, so the test does not depend on what this machine's TLS library still offers.
        var tls11 = await FirstRecordAsync(0x02);
        var tls12 = await FirstRecordAsync(0x03);

        Assert.Equal(0x16, tls12[0]); // handshake: the server answers TLS 1.2 with a ServerHello
        Assert.Equal(2, tls12[5]);
        Assert.Equal(0x15, tls11[0]); // alert
        Assert.Equal(2, tls11[5]); // fatal
        Assert.Equal(70, tls11[6]); // protocol_version
    }

    /// <summary>Sends a ClientHello offering at most TLS 1.{minor-1} and returns the server's first record.</summary>
    private async Task<byte[]> FirstRecordAsync(byte minor)
    {
        byte[] Extension(int type, params byte[] body) => [(byte)(type >> 8), (byte)type, (byte)(body.Length >> 8), (byte)body.Length, .. body];
        byte[] extensions =
        [
            .. Extension(0x000a, 0x00, 0x04, 0x00, 0x1d, 0x00, 0x17), // supported groups: x25519, secp256r1
            .. Extension(0x000b, 0x01, 0x00), // EC point formats: uncompressed
            .. Extension(0x000d, 0x00, 0x06, 0x08, 0x04, 0x04, 0x01, 0x05, 0x01), // signature algorithms: rsa_pss_rsae_sha256, rsa_pkcs1_sha256/384
        ];
        byte[] suites = [0xc0, 0x2f, 0xc0, 0x30, 0xc0, 0x13, 0xc0, 0x14, 0x00, 0x2f, 0x00, 0x35]; // ECDHE-RSA-AES-GCM/CBC, RSA-AES-CBC
        byte[] hello =
        [
            0x03, minor, .. RandomNumberGenerator.GetBytes(32), 0x00,
            (byte)(suites.Length >> 8), (byte)suites.Length, .. suites, 0x01, 0x00,
            (byte)(extensions.Length >> 8), (byte)extensions.Length, .. extensions,
        ];
        byte[] handshake = [0x01, 0x00, (byte)(hello.Length >> 8), (byte)hello.Length, .. hello];
        byte[] record = [0x16, 0x03, 0x01, (byte)(handshake.Length >> 8), (byte)handshake.Length, .. handshake];

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, HttpsPort);
        var stream = tcp.GetStream();
        stream.ReadTimeout = 10_000;
        await stream.WriteAsync(record);
        var answer = new byte[7];
        await stream.ReadExactlyAsync(answer);
        return answer;
    }
}
