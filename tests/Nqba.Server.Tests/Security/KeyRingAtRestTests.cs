using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>
/// What a copy of the database alone yields (issue #17, item 1): the Data Protection key ring, the second factors and
/// the files on disk. The attacker has the database (and may even write to it), never the master key.
/// </summary>
public sealed class KeyRingAtRestTests(KeyRingAtRestTests.LogCapturingFactory factory) : IClassFixture<KeyRingAtRestTests.LogCapturingFactory>
{
    // Data Protection's purposes for ASP.NET Core's bearer tokens (BearerTokenConfigureOptions), for scheme Identity.Bearer.
    private static readonly string[] SqliteCompanions = ["-wal", "-shm"];

    private static readonly string[] BearerPurposes = ["Microsoft.AspNetCore.Authentication.BearerToken", IdentityConstants.BearerScheme, "BearerToken"];

    /// <summary>The real server, with every warning it logs kept for the assertions.</summary>
    public sealed class LogCapturingFactory : NqbaFactory
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingProvider(Warnings)));
        }

        private sealed class CapturingProvider(ConcurrentQueue<string> warnings) : ILoggerProvider
        {
            public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, warnings);

            public void Dispose()
            {
            }
        }

        private sealed class CapturingLogger(string category, ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    warnings.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }

    /// <summary>A key ring held in memory: the attacker's own, or the rows read from a copied database.</summary>
    private sealed class ListRepository(IEnumerable<XElement>? elements = null) : IXmlRepository
    {
        private readonly List<XElement> _elements = [.. elements ?? []];

        public IReadOnlyCollection<XElement> GetAllElements() => [.. _elements.Select(e => new XElement(e))];

        public void StoreElement(XElement element, string friendlyName) => _elements.Add(new XElement(element));
    }

    private DbConnection Connect() => factory.Provider == "Postgres"
        ? new NpgsqlConnection(factory.ConnectionString)
        : new SqliteConnection(factory.ConnectionString);

    private async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>The user's token values as stored (no interceptor or user store in between).</summary>
    private async Task<List<string>> StoredTokensAsync(Guid userId)
    {
        await using var connection = Connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"UserId\", \"Value\" FROM access_user_tokens";
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (Guid.Parse(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!) == userId)
            {
                values.Add(reader.GetString(1));
            }
        }

        return values;
    }

    private async Task<string> ClientTokenAsync(string email)
    {
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>The attack of the issue: a client's session, turned into an MFA-satisfied Admin's.</summary>
    private async Task<AuthenticationTicket> AdminTicketForAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<NqbaUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(ClaimTypes.Role, NqbaRoles.Admin));
        identity.AddClaim(new Claim(NqbaClaims.AuthenticationMethod, "mfa"));
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) };
        return new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
    }

    private async Task<HttpResponseMessage> MeAsync(string bearer)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.GetAsync("/api/auth/me");
    }

    [Fact]
    public async Task KeyRingRows_HoldNoSecretInTheClear_AndAreUselessWithoutTheMasterKey()
    {
        var token = await ClientTokenAsync($"ring-{Guid.NewGuid():N}@acme.example");

        var rows = await ColumnAsync("SELECT \"Xml\" FROM platform_data_protection_keys");

        Assert.NotEmpty(rows);
        foreach (var xml in rows)
        {
            var key = XElement.Parse(xml);
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey");
            Assert.All(key.Descendants().Where(e => e.Name.LocalName == "encryptedSecret"), s =>
                Assert.StartsWith(typeof(MasterKeyXmlDecryptor).FullName + ",", (string?)s.Attribute("decryptorType"), StringComparison.Ordinal));
            Assert.Contains(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
        }

        // With the server's key ring (master key at hand) the token opens: the purposes below are the real ones.
        var server = new TicketDataFormat(factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(BearerPurposes));
        Assert.NotNull(server.Unprotect(token));

        // With the same rows copied out of the database but no master key, it does not.
        var stolen = new ServiceCollection().AddLogging();
        stolen.AddDataProtection().SetApplicationName("nqba").DisableAutomaticKeyGeneration()
            .AddKeyManagementOptions(o => o.XmlRepository = new ListRepository(rows.Select(XElement.Parse)));
        await using var attacker = stolen.BuildServiceProvider();
        var withoutMasterKey = new TicketDataFormat(attacker.GetRequiredService<IDataProtectionProvider>().CreateProtector(BearerPurposes));
        Assert.Null(withoutMasterKey.Unprotect(token));
    }

    [Fact]
    public async Task TokenForgedWithAnAttackersKeyRing_PutIntoTheDatabase_IsRefused()
    {
        var email = $"forger-{Guid.NewGuid():N}@acme.example";
        await ClientTokenAsync(email);
        var ticket = await AdminTicketForAsync(email);

        // Control: the same forged ticket under the server's own key ring is accepted as an MFA-satisfied Admin, so the
        // refusal below is the key ring's doing, not a malformed ticket.
        var genuine = new TicketDataFormat(factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(BearerPurposes)).Protect(ticket);
        var control = await MeAsync(genuine);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        Assert.Contains(NqbaRoles.Admin, (await control.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The attacker makes a key ring of their own (they cannot encrypt under the master key), adds its key to the
        // database's key ring table, and forges the Admin token with it.
        var repository = new ListRepository();
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().SetApplicationName("nqba").AddKeyManagementOptions(o => o.XmlRepository = repository);
        await using var attacker = services.BuildServiceProvider();
        var forged = new TicketDataFormat(attacker.GetRequiredService<IDataProtectionProvider>().CreateProtector(BearerPurposes)).Protect(ticket);
        var attackerKey = Assert.Single(repository.GetAllElements(), e => e.Name.LocalName == "key");
        var row = new DataProtectionKey { FriendlyName = "key-" + (string?)attackerKey.Attribute("id"), Xml = attackerKey.ToString(SaveOptions.DisableFormatting) };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.DataProtectionKeys.Add(row);
            await db.SaveChangesAsync();
        }

        try
        {
            // A new key makes the server read its key ring from the database again (as it does on start and every day).
            var keys = factory.Services.GetRequiredService<IKeyManager>();
            keys.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
            var refused = await MeAsync(forged);

            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.DoesNotContain(keys.GetAllKeys(), k => k.KeyId == Guid.Parse((string)attackerKey.Attribute("id")!));
            Assert.Contains(factory.Warnings, w => w.Contains("Ignored Data Protection key", StringComparison.Ordinal));
        }
        finally
        {
            // The other tests of this class read every key row.
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().DataProtectionKeys.Where(k => k.Id == row.Id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task NewKeys_AreWrittenEncrypted_WithoutTheUnencryptedKeyWarning()
    {
        await ClientTokenAsync($"warn-{Guid.NewGuid():N}@acme.example");
        factory.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        Assert.DoesNotContain(factory.Warnings, w => w.Contains("No XML encryptor configured", StringComparison.Ordinal) || w.Contains("unencrypted form", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthenticatorSecretAndRecoveryCodes_AreNotInTheDatabaseInTheClear()
    {
        var email = $"staff-{Guid.NewGuid():N}@nqba.test";
        var (id, _) = await factory.CreateUserAsync(email, NqbaRoles.SalesRep);
        var secret = await factory.EnableTotpAsync(email);
        List<string> codes;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
            Assert.Equal(secret, await users.GetAuthenticatorKeyAsync(user));
            Assert.Equal(10, await users.CountRecoveryCodesAsync(user));
        }

        var stored = await StoredTokensAsync(id);

        Assert.Equal(2, stored.Count);
        Assert.All(stored, v => Assert.StartsWith(FieldProtector.Prefix, v, StringComparison.Ordinal));
        foreach (var plain in codes.Append(secret))
        {
            Assert.DoesNotContain(stored, v => v.Contains(plain, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task TokenStoredBeforeEncryption_IsEncryptedOnStart_AndStillWorks()
    {
        var email = $"legacy-{Guid.NewGuid():N}@nqba.test";
        var (id, _) = await factory.CreateUserAsync(email, NqbaRoles.SalesRep);
        var secret = await factory.EnableTotpAsync(email);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        Assert.Equal(1, await db.UserTokens.Where(t => t.UserId == id && t.Name == "AuthenticatorKey").ExecuteUpdateAsync(u => u.SetProperty(t => t.Value, secret)));
        Assert.Contains(secret, await StoredTokensAsync(id));

        var converted = await scope.ServiceProvider.GetRequiredService<IEnumerable<IDataSeeder>>().OfType<UserTokenEncryption>().Single().ConvertAsync(CancellationToken.None);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();

        Assert.True(converted >= 1);
        Assert.All(await StoredTokensAsync(id), v => Assert.StartsWith(FieldProtector.Prefix, v, StringComparison.Ordinal));
        Assert.Equal(secret, await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task DatabaseKeyAndBackupFiles_AreOwnerOnly()
    {
        // An entry, so the audit anchor is written.
        await factory.Services.GetRequiredService<IAuditLedger>().AppendAsync(new AuditRecord("test.file-modes", null, null), CancellationToken.None);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BackupService>().CreateAsync(null, CancellationToken.None);
        }

        var keys = Path.Combine(factory.ContentRoot, "data", "keys");
        var backups = Path.Combine(factory.ContentRoot, "data", "backups");
        var files = new List<string>
        {
            Path.Combine(keys, "master-keys.json"),
            Path.Combine(keys, "backup.key"),
            Path.Combine(keys, "audit-anchor.json"),
        };
        files.AddRange(Directory.GetFiles(backups));
        if (factory.Provider == "Sqlite")
        {
            files.Add(Path.Combine(factory.ContentRoot, "nqba.db"));
            files.AddRange(SqliteCompanions.Select(s => Path.Combine(factory.ContentRoot, "nqba.db" + s)).Where(File.Exists));
        }

        Assert.Contains(files, f => f.EndsWith(".nqbak", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal((f, UnixFileMode.UserRead | UnixFileMode.UserWrite), (f, File.GetUnixFileMode(f))));
        Assert.All(new[] { keys, backups }, d =>
            Assert.Equal((d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), (d, File.GetUnixFileMode(d))));
    }
}
