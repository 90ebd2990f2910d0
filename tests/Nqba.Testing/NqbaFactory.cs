using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Xunit;

namespace Nqba.Testing;

/// <summary>
/// The real server in-process on a fresh database: a temporary SQLite file by default, or a new PostgreSQL
/// database when <c>NQBA_TEST_DB=postgres</c> (connection from <c>NQBA_TEST_POSTGRES</c>, set by scripts/test.sh).
/// </summary>
public class NqbaFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@nqba.test";
    public const string AdminPassword = "Admin-Password-For-Tests-1";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nqba-tests", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;
    private bool _started;

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("NQBA_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public string Provider { get; } = UsePostgres ? "Postgres" : "Sqlite";

    public string ConnectionString { get; private set; } = string.Empty;

    public string ContentRoot => _directory;

    /// <summary>The server's clock (see <see cref="TestClock"/>): advance it, then <see cref="RunDueJobsAsync"/>.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>
    /// Whether the server seeds the demo market prices (113,696 rows, about half a second per start): only the trading
    /// tests and the browser tests need them, so other test servers start without.
    /// </summary>
    protected virtual bool SeedDemoPrices => false;

    /// <summary>Extra settings a test class needs (e.g. a small body limit).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        if (UsePostgres)
        {
            var server = Environment.GetEnvironmentVariable("NQBA_TEST_POSTGRES")
                ?? throw new InvalidOperationException("NQBA_TEST_DB=postgres needs NQBA_TEST_POSTGRES (scripts/test.sh sets it).");
            _postgresDatabase = "nqba_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
                await create.ExecuteNonQueryAsync();
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ToString();
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(_directory, "nqba.db")}";
        }

        // Starting the host migrates and seeds (the same start-up step as production).
        Start();
        _started = true;
    }

    /// <summary>Starts the in-memory test server; the browser tests start Kestrel instead.</summary>
    protected virtual void Start() => _ = Server;

    /// <summary>
    /// Quartz's clustered store (PostgreSQL) resolves its scheduler signaler from the service provider on first use.
    /// When that first use is the cluster check-in during the host's stop, WebApplicationFactory has already released
    /// the provider, and xUnit reports the ObjectDisposedException as a class clean-up failure (a red run with every
    /// test passed). The schedulers are shut down here first, while the provider is alive; the host's stop then finds
    /// them shut down. Once only: a test that restarts its server disposes the first one itself.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        if (_started)
        {
            _started = false;
            // Only a started one: Quartz's clustered store cannot shut down a scheduler that never started (its cluster
            // manager does not exist yet), and the host's stop leaves such a scheduler alone as well.
            foreach (var scheduler in (await Services.GetRequiredService<Quartz.ISchedulerFactory>().GetAllSchedulers()).Where(s => s.Status == Quartz.SchedulerStatus.Running))
            {
                await scheduler.Shutdown(waitForJobsToComplete: true);
            }
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        try
        {
            await DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // The test server's own teardown racing Quartz's clustered store over a released service provider (see
            // DisposeAsync): the server is gone either way, and nothing a test asserted depends on it.
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("NQBA_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            // FORCE cannot end a backend of another role, such as an autovacuum worker that is just visiting the
            // database (42501), and a backend may still be leaving (55006): both pass within moments, so try again.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState is "42501" or "55006" && attempt < 20)
                {
                    await Task.Delay(250);
                }
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the OS temp cleaner takes it.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Host settings are visible while Program registers services (the in-memory collection below only once the
        // host is built): the job store's SQL dialect is chosen from Database:Provider at registration.
        builder.UseSetting("Database:Provider", Provider);
        builder.UseContentRoot(_directory);
        // The content root is a temp folder without wwwroot: serve static files (widget, scripts) from the build's manifest.
        builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["Database:ConnectionString"] = ConnectionString,
            ["Access:AdminEmail"] = AdminEmail,
            ["Access:AdminPassword"] = AdminPassword,
            ["Events:PollInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
            // The test host has no client IP: every test shares one partition, so the per-minute limits are lifted here
            // and tested on their own in RateLimitTests.
            ["RateLimits:SignInPerMinute"] = "100000",
            ["Backup:Enabled"] = "false",
            ["RateLimits:PublicFormsPerMinute"] = "100000",
            // The tests' own HTTP services (monitored services, calendar feeds, video vendors) listen on 127.0.0.1,
            // which the outbound policy refuses by default; OutboundPolicyTests replaces this entry.
            ["Outbound:AllowedHosts:0"] = "127.0.0.1",
            // Events are delivered when a test says so (DeliverEventsAsync), not by a poller it would have to wait for.
            ["Events:DispatchInBackground"] = "false",
            ["Trading:SeedDemoPrices"] = SeedDemoPrices ? "true" : "false",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Creates a user through the product's own user administration and returns its password.</summary>
    public async Task<(Guid Id, string Password)> CreateUserAsync(string email, string role, Guid? organizationId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await admin.CreateAsync(new CreateUserRequest(email, email.Split('@')[0], role, organizationId), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error?.Detail);
        return (result.Value!.User.Id, result.Value.InitialPassword);
    }

    /// <summary>Turns on TOTP for a user as the enrolment page does and returns the shared secret (base32).</summary>
    public async Task<string> EnableTotpAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, await OneTimeCodes.NextAsync(key, Clock)));
        await users.SetTwoFactorEnabledAsync(user, true);
        return key;
    }

    /// <summary>A client with a bearer token for the user (codes computed when the user has TOTP).</summary>
    public async Task<HttpClient> CreateClientForAsync(string email, string password, string? totpKey = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(client, email, password, totpKey));
        return client;
    }

    private string? _adminToken;
    private string? _adminTotpKey;
    private TimeSpan _adminTokenOffset;

    /// <summary>
    /// A client signed in as the seeded admin (with MFA, as staff must). The admin signs in once per factory and every
    /// client shares the bearer token, as one person's browser tabs share a session: an authenticator code is good for
    /// one sign-in only.
    /// </summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var client = CreateClient();
        // A token issued before the clock was moved on has expired at the server's time: sign in again.
        if (_adminToken is null || _adminTokenOffset != Clock.Offset)
        {
            _adminTotpKey ??= await EnableTotpAsync(AdminEmail);
            _adminTokenOffset = Clock.Offset;
            _adminToken = await TokenForAsync(client, AdminEmail, AdminPassword, _adminTotpKey);
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    /// <summary>
    /// Delivers every event due now to its subscribers, as the background dispatcher would, until none is left. A
    /// factory with <c>Events:DispatchInBackground=false</c> drives delivery with it: what a subscriber does (a mail, a
    /// copy in another module) has happened when it returns, with no polling or waiting.
    /// </summary>
    public async Task DeliverEventsAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>
    /// Runs every declared and enabled job once now, in name order, as their triggers would when due (each job does the
    /// work due at <see cref="Clock"/>'s time), then delivers the events they raised. A factory with
    /// <c>Jobs:FireOnSchedule=false</c> has no other background work, so what is in the database afterwards is final.
    /// </summary>
    public async Task RunDueJobsAsync()
    {
        var jobs = Services.GetRequiredService<NqbaJobs>();
        foreach (var job in Services.GetRequiredService<JobCatalog>().All.Where(j => j.Plan.Enabled))
        {
            var outcome = await jobs.RunNowAsync(job, CancellationToken.None);
            Assert.True(outcome.Succeeded, $"job {job.Name}: {outcome.Error}");
        }

        await DeliverEventsAsync();
    }

    /// <summary>The folder the server writes its e-mails to: tests have no SMTP server, so every mail sent lands here as an .eml file.</summary>
    public string Outbox => Path.Combine(ContentRoot, "data", "outbox");

    /// <summary>
    /// The one way a test reads the mail the server sent: delivers the events due now first (mails go out from event
    /// subscribers, see <see cref="DeliverEventsAsync"/>), then returns the e-mails written so far, parsed and oldest
    /// first, that match <paramref name="match"/> (every one when it is null). No polling: a mail that is not here when
    /// this returns was not sent.
    /// </summary>
    public async Task<List<MimeMessage>> SentMailsAsync(Func<MimeMessage, bool>? match = null)
    {
        await DeliverEventsAsync();
        var found = new List<MimeMessage>();
        if (!Directory.Exists(Outbox))
        {
            return found;
        }

        // The sender writes each file under a temporary name and renames it, so every *.eml is whole; the names begin
        // with the send time, so their order is the sending order.
        foreach (var file in Directory.GetFiles(Outbox, "*.eml").Order(StringComparer.Ordinal))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (match is null || match(message))
            {
                found.Add(message);
            }
        }

        return found;
    }

    /// <summary>The text of the e-mails sent so far (see <see cref="SentMailsAsync"/>) that contains <paramref name="text"/>.</summary>
    public async Task<List<string>> MailsWithAsync(string text) =>
        [.. (await SentMailsAsync()).Select(m => m.ToString()).Where(t => t.Contains(text, StringComparison.Ordinal))];

    private async Task<string> TokenForAsync(HttpClient client, string email, string password, string? totpKey)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password, code = totpKey is null ? null : await OneTimeCodes.NextAsync(totpKey, Clock) });
        Assert.True(response.IsSuccessStatusCode, $"token for {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    private sealed record TokenResponse(string AccessToken);
}
