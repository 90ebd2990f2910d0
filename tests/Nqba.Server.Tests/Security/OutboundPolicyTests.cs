using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Platform.Outbound;
using Nqba.Server.Tests.Monitoring;
using Nqba.Server.Tests.Scheduling;

namespace Nqba.Server.Tests.Security;

/// <summary>
/// SSRF: the server fetches only what the outbound policy allows. This host allows 127.0.0.2 (a stand-in for an
/// internal host an admin listed in Outbound:AllowedHosts) and nothing else private: 127.0.0.1 is the "internal
/// service" that must stay out of reach, directly and through a redirect from the allowed host.
/// </summary>
public sealed class OutboundPolicyTests(OutboundPolicyTests.Factory factory) : IClassFixture<OutboundPolicyTests.Factory>
{
    private const string Secret = "INTERNAL-ADMIN-PAGE-FIRST-LINE";

    public sealed class Factory : SchedulingFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["Monitoring:SchedulerEnabled"] = "false";
                settings["Outbound:AllowedHosts:0"] = "127.0.0.2";
                return settings;
            }
        }

        internal MonitorScheduler CreateScheduler() =>
            ActivatorUtilities.CreateInstance<MonitorScheduler>(Services, (TimeProvider)MonitoringFactory.FakeClock());
    }

    [Fact]
    public void Policy_RefusesPrivateLoopbackLinkLocalAndMetadata_AllowsPublicAndListed()
    {
        var policy = factory.Services.GetRequiredService<OutboundPolicy>();

        string[] refused = ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.169.254", "169.254.1.1", "0.0.0.0", "::1", "fc00::1", "fd00:ec2::254", "fe80::1", "::ffff:127.0.0.1"];
        Assert.All(refused, a => Assert.False(policy.IsAllowed("example.test", IPAddress.Parse(a)), a));
        Assert.True(policy.IsAllowed("example.test", IPAddress.Parse("93.184.216.34")));
        Assert.True(policy.IsAllowed("example.test", IPAddress.Parse("2606:2800:220:1:248:1893:25c8:1946")));
        Assert.True(policy.IsAllowed("127.0.0.2", IPAddress.Parse("127.0.0.2")));
    }

    [Fact]
    public async Task CalendarFeed_AtLoopback_IsRefusedWithAClearError_ThatEchoesNothingFetched()
    {
        await using var internalService = await TestService.StartAsync("127.0.0.1");
        var specialist = await factory.CreateSpecialistAsync();
        var staff = await factory.CreateAdminClientAsync();

        var attached = await staff.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/calendars", new { name = "Internal", url = internalService.Url("/admin") });
        var text = await attached.Content.ReadAsStringAsync();

        Assert.True((int)attached.StatusCode < 500, text);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains("not allowed", text, StringComparison.Ordinal);
        Assert.Contains("Outbound:AllowedHosts", text, StringComparison.Ordinal);
        Assert.Equal(0, internalService.Requests);
    }

    [Fact]
    public async Task CalendarFeed_AtAnAllowedHost_ThatIsNotACalendar_StoresAGenericErrorWithoutItsText()
    {
        await using var allowed = await TestService.StartAsync("127.0.0.2");
        var specialist = await factory.CreateSpecialistAsync();
        var staff = await factory.CreateAdminClientAsync();

        var attached = await staff.PostAsJsonAsync($"/api/scheduling/specialists/{specialist}/calendars", new { name = "Not a feed", url = allowed.Url("/admin") });
        var text = await attached.Content.ReadAsStringAsync();

        Assert.Equal(1, allowed.Requests);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains("did not answer with an iCalendar file", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_AtTheMetadataAddress_IsRefused()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "metadata", kind = "Http", target = "http://169.254.169.254/latest/meta-data/", intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });

        await factory.CreateScheduler().RunDueAsync(CancellationToken.None);

        var monitor = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}");
        Assert.Contains("169.254.169.254 are not allowed", monitor.GetProperty("lastMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_AtAnAllowedHost_IsChecked()
    {
        await using var allowed = await TestService.StartAsync("127.0.0.2");
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "allowed", kind = "Http", target = allowed.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });

        await factory.CreateScheduler().RunDueAsync(CancellationToken.None);

        var monitor = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}");
        Assert.Equal("Up", monitor.GetProperty("state").GetString());
        Assert.True(allowed.Requests >= 1);
    }

    [Fact]
    public async Task Redirect_FromAnAllowedHostToLoopback_IsRefused()
    {
        await using var internalService = await TestService.StartAsync("127.0.0.1");
        await using var allowed = await TestService.StartAsync("127.0.0.2", redirectTo: internalService.Url("/health"));
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var (id, _) = await MonitoringFactory.CreateMonitorAsync(admin, new { component, name = "redirected", kind = "Http", target = allowed.Url("/health"), intervalSeconds = 30, timeoutSeconds = 5, retries = 0 });

        await factory.CreateScheduler().RunDueAsync(CancellationToken.None);

        var monitor = await admin.GetFromJsonAsync<JsonElement>($"/api/monitoring/monitors/{id}");
        Assert.Equal(1, allowed.Requests);
        Assert.Equal(0, internalService.Requests);
        Assert.NotEqual("Up", monitor.GetProperty("state").GetString());
        Assert.Contains("127.0.0.1 are not allowed", monitor.GetProperty("lastMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryOutboundClient_IsUnderThePolicy()
    {
        var clients = factory.Services.GetRequiredService<IHttpClientFactory>();

        foreach (var name in new[] { "monitoring", "scheduling-feeds", "scheduling-video" })
        {
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => clients.CreateClient(name).GetAsync(new Uri("http://169.254.169.254/latest/meta-data/")));
            Assert.Contains("not allowed", OutboundHttp.Describe(error), StringComparison.Ordinal);
        }
    }

    /// <summary>A small HTTP service on a loopback address: its "/admin" page starts with a secret line, "/health" is ok.</summary>
    private sealed class TestService : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private TestService(WebApplication app) => _app = app;

        public int Requests => _requests;

        public static async Task<TestService> StartAsync(string address, string? redirectTo = null)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://{address}:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var service = new TestService(app);
            app.Use(async (context, next) =>
            {
                Interlocked.Increment(ref service._requests);
                if (redirectTo is not null)
                {
                    context.Response.Redirect(redirectTo);
                    return;
                }

                await next(context);
            });
            app.MapGet("/admin", () => Results.Text(Secret + "\nroot password: hunter2\n", "text/plain"));
            app.MapGet("/health", () => Results.Json(new { status = "ok" }));
            await app.StartAsync();
            return service;
        }

        public string Url(string path) => _app.Urls.First() + path;

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
