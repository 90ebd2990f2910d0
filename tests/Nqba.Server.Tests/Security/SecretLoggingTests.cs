using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>Runs the flows that handle secrets with every log level on, then scans the logs for the secrets.</summary>
public sealed class SecretLoggingTests(SecretLoggingTests.Factory factory) : IClassFixture<SecretLoggingTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingProvider(Lines))));
        }
    }

    private sealed class CollectingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Collector(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }

    [Fact]
    public async Task SignInTokensApiKeysTotpAndEncryptionKeys_NeverAppearInLogs()
    {
        var email = $"secret-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.SalesRep);
        var totpKey = await factory.EnableTotpAsync(email);
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-" + password });
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { email, password, code = await OneTimeCodes.NextAsync(totpKey) })).Content.ReadFromJsonAsync<JsonElement>();
        var accessToken = token.GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        var created = await (await client.PostAsJsonAsync("/api/access/api-keys", new { name = "scan", scopes = new List<string> { "company:read" } })).Content.ReadFromJsonAsync<JsonElement>();
        var apiKey = created.GetProperty("key").GetString()!;
        var keyed = factory.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        await keyed.GetAsync("/api/company/units");
        await factory.CreateClient().PostAsJsonAsync("/api/leads", new { name = "Logan Leak", email = $"leak-{Guid.NewGuid():N}@nqba.test", company = "Leak AG", regionCode = "europe", source = "WebForm", language = "en" });
        var backups = factory.Services.GetRequiredService<BackupService>();
        await backups.CreateAsync(null, CancellationToken.None);
        await backups.DrillAsync(null, CancellationToken.None);
        var keyMaterial = await KeyMaterialAsync();

        var log = string.Join("\n", factory.Lines);

        Assert.True(factory.Lines.Count > 50, "the scan needs logs to scan");
        foreach (var secret in new[] { password, "wrong-" + password, accessToken, apiKey, apiKey.Split('_', 3)[2], totpKey, NqbaFactory.AdminPassword })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }

        Assert.True(keyMaterial.Count >= 4, "the scan needs the master key, the backup key and data keys");
        foreach (var (name, key) in keyMaterial)
        {
            foreach (var form in new[] { Convert.ToBase64String(key), Convert.ToHexString(key), Convert.ToHexStringLower(key), Base64Url.EncodeToString(key) })
            {
                Assert.False(log.Contains(form, StringComparison.Ordinal), $"the {name} appears in the logs");
            }
        }
    }

    /// <summary>Every master key of the ring, the backup key, and every data key (unwrapped as the server does).</summary>
    private async Task<List<(string Name, byte[] Key)>> KeyMaterialAsync()
    {
        var keys = new List<(string, byte[])>();
        using var ring = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(factory.ContentRoot, "data", "keys", "master-keys.json")));
        foreach (var master in ring.RootElement.GetProperty("Keys").EnumerateObject())
        {
            keys.Add(("master key " + master.Name, Convert.FromBase64String(master.Value.GetString()!)));
        }

        keys.Add(("backup key", Convert.FromBase64String((await File.ReadAllTextAsync(Path.Combine(factory.ContentRoot, "data", "keys", "backup.key"))).Trim())));
        await using var scope = factory.Services.CreateAsyncScope();
        var masterKeys = scope.ServiceProvider.GetRequiredService<IMasterKeyProvider>();
        foreach (var dataKey in await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().DataKeys.AsNoTracking().Where(k => k.WrappedKey != null).ToListAsync())
        {
            keys.Add(("data key " + dataKey.Id, masterKeys.Unwrap(dataKey.MasterKeyId, dataKey.WrappedKey!)));
        }

        return keys;
    }
}
