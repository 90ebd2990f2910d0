using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>The <c>nqba</c> executable as an operator runs it: a separate process on the same database.</summary>
public sealed class CommandLineTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunNqbaAsync(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nqba.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private Dictionary<string, string> DatabaseEnvironment => new()
    {
        ["Database__Provider"] = factory.Provider,
        ["Database__ConnectionString"] = factory.ConnectionString,
    };

    [Fact]
    public async Task AuditVerify_ReportsOk_ThenNamesTheTamperedEntry_WithNonZeroExit()
    {
        var admin = await factory.CreateAdminClientAsync();
        await admin.PostAsJsonAsync("/api/clients", new { name = "Cli Check Ltd", regionCode = "us-east" });

        var ok = await RunNqbaAsync(factory.ContentRoot, DatabaseEnvironment, "audit", "verify");
        long target;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            target = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).Skip(1).FirstAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit SET \"After\" = '{{\"tampered\":true}}' WHERE \"Sequence\" = {0}", target);
        }

        var broken = await RunNqbaAsync(factory.ContentRoot, DatabaseEnvironment, "audit", "verify");

        Assert.Equal(0, ok.ExitCode);
        Assert.Matches(@"^ok, \d+ entries", ok.Stdout.Trim());
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"broken at entry {target}", broken.Stderr, StringComparison.Ordinal);
    }
}
