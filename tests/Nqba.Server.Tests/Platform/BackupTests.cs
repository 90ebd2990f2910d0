using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Backup;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

public sealed class BackupTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private Dictionary<string, string> Environment => new()
    {
        ["Database__Provider"] = factory.Provider,
        ["Database__ConnectionString"] = factory.ConnectionString,
        ["Backup__Enabled"] = "false",
    };

    [Fact]
    public async Task BackupNow_ThenVerify_ThenATamperedFileIsNamedDamaged()
    {
        var now = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, Environment, "backup", "now");
        Assert.True(now.ExitCode == 0, now.Stderr);
        var path = now.Stdout.Trim().Split('\n')[^1].Split(' ')[0];
        Assert.True(File.Exists(path), path);

        var ok = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, Environment, "backup", "verify", path);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x40;
        var tampered = path.Replace(".nqbak", "-tampered.nqbak", StringComparison.Ordinal);
        await File.WriteAllBytesAsync(tampered, bytes);
        var damaged = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, Environment, "backup", "verify", tampered);

        Assert.Equal(0, ok.ExitCode);
        Assert.StartsWith("ok, ", ok.Stdout.Trim(), StringComparison.Ordinal);
        Assert.Equal(1, damaged.ExitCode);
        Assert.Contains("fails authentication", damaged.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackupFile_DoesNotContainPlaintext()
    {
        var backups = factory.Services.GetRequiredService<BackupService>();

        var info = await backups.CreateAsync(null, CancellationToken.None);
        var content = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(info.Path));

        Assert.DoesNotContain("Acme Corporation", content, StringComparison.Ordinal);
        Assert.DoesNotContain("admin@nqba.test", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_BringsBackDeletedData()
    {
        var admin = await factory.CreateAdminClientAsync();
        var created = await (await admin.PostAsJsonAsync("/api/clients", new { name = "Restorable AG", regionCode = "europe" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var backups = factory.Services.GetRequiredService<BackupService>();
        var backup = await backups.CreateAsync(null, CancellationToken.None);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
            await db.Organizations.Where(o => o.Id == id).ExecuteDeleteAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/clients/{id}")).StatusCode);

        await backups.RestoreAsync(backup.Path, null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/clients/{id}")).StatusCode);
    }

    [Fact]
    public async Task Drill_RestoresIntoScratch_AndVerifiesRowsAndAuditChain()
    {
        var admin = await factory.CreateAdminClientAsync();
        await admin.PostAsJsonAsync("/api/clients", new { name = "Drill Co", regionCode = "apac" });
        var backups = factory.Services.GetRequiredService<BackupService>();
        await backups.CreateAsync(null, CancellationToken.None);

        var report = await backups.DrillAsync(null, CancellationToken.None);

        Assert.True(report.Succeeded, report.ToString());
        Assert.True(report.RowCountsMatch);
        Assert.StartsWith("ok, ", report.AuditChain, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(report), JsonSerializer.Serialize(await backups.LastDrillAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Drill_ReportsEachTablesRowCounts()
    {
        var admin = await factory.CreateAdminClientAsync();
        await admin.PostAsJsonAsync("/api/clients", new { name = "Counted GmbH", regionCode = "europe" });
        var backups = factory.Services.GetRequiredService<BackupService>();
        await backups.CreateAsync(null, CancellationToken.None);

        var report = await backups.DrillAsync(null, CancellationToken.None);
        var drill = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, Environment, "backup", "drill");

        var tables = Assert.IsAssignableFrom<IReadOnlyList<DrillTableCount>>(report.Tables);
        Assert.Contains(tables, t => t.Table == "access_organizations" && t.AtBackup > 0 && t.Matches);
        Assert.Contains(tables, t => t.Table == "platform_audit" && t.Restored == t.AtBackup);
        Assert.All(tables, t => Assert.True(t.Matches, t.ToString()));
        Assert.True(drill.ExitCode == 0, drill.Stderr);
        Assert.Matches(@"(?m)^\s+access_organizations\t\d+\t\d+\tok$", drill.Stdout);
    }

    [Fact]
    public async Task Restore_WhileTheServerRuns_IsRefused()
    {
        var backups = factory.Services.GetRequiredService<BackupService>();
        var backup = await backups.CreateAsync(null, CancellationToken.None);

        var restore = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, Environment, "backup", "restore", backup.Path, "--yes");

        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("the server is running", restore.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("restored", restore.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_KeepsNewestPerQuarterHourDayAndMonth()
    {
        var now = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
        BackupInfo At(DateTime t) => new($"/b/{t:yyyyMMddHHmm}", "x", t, 1);
        var backups = new List<BackupInfo>
        {
            At(now.AddMinutes(-1)), At(now.AddMinutes(-5)),           // same quarter-hour: only the newest stays
            At(now.AddMinutes(-20)),                                  // previous quarter-hour
            At(now.AddDays(-2).AddHours(3)), At(now.AddDays(-2)),     // two days ago: newest of that day stays
            At(now.AddDays(-45)),                                     // older than 30 days, within 12 months: monthly
            At(now.AddDays(-46)),                                     // same month as the one above, older: goes
            At(now.AddMonths(-14)),                                   // beyond 12 months: goes
        };

        var keep = BackupRetention.Keep(backups, now, quarterHours: 4, days: 30, months: 12);

        Assert.Equal(
            new[] { backups[0], backups[2], backups[3], backups[5] }.Select(b => b.Path).Order(),
            keep.Order());
    }
}
