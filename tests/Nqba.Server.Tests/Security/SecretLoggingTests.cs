using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    public async Task SignInTokensKeysAndTotp_NeverAppearInLogs()
    {
        var email = $"secret-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.SalesRep);
        var totpKey = await factory.EnableTotpAsync(email);
        var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-" + password });
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { email, password, code = NqbaFactory.Totp(totpKey) })).Content.ReadFromJsonAsync<JsonElement>();
        var accessToken = token.GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        var created = await (await client.PostAsJsonAsync("/api/access/api-keys", new { name = "scan" })).Content.ReadFromJsonAsync<JsonElement>();
        var apiKey = created.GetProperty("key").GetString()!;
        var keyed = factory.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        await keyed.GetAsync("/api/company/units");

        var log = string.Join("\n", factory.Lines);

        Assert.True(factory.Lines.Count > 50, "the scan needs logs to scan");
        foreach (var secret in new[] { password, "wrong-" + password, accessToken, apiKey, apiKey.Split('_')[2], totpKey, NqbaFactory.AdminPassword })
        {
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }
    }
}
