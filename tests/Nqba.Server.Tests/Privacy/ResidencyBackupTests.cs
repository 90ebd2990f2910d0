using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Residency;
using Nqba.Server.Tests.Platform;

namespace Nqba.Server.Tests.Privacy;

/// <summary>The EU zone's store is backed up, verified, restored and drilled like the main database, into a folder of its own zone.</summary>
public sealed class ResidencyBackupTests(ResidencyFactory factory) : IClassFixture<ResidencyFactory>
{
    private string EuBackupFolder => Path.Combine(factory.ContentRoot, "backups", "eu");

    private Dictionary<string, string> Environment => new()
    {
        ["Database__Provider"] = factory.Provider,
        ["Database__ConnectionString"] = factory.ConnectionString,
        ["Residency__HomeZone"] = "US",
        ["Residency__Stores__EU__Provider"] = "Sqlite",
        ["Residency__Stores__EU__ConnectionString"] = $"Data Source={factory.EuStorePath}",
        ["Backup__Enabled"] = "false",
    };

    private async Task<Guid> CaptureEuLeadAsync(string name)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/leads", new
        {
            name,
            email = $"{Guid.NewGuid():N}@eu-backup.example",
            company = "Zone Backup GmbH",
            regionCode = "europe",
            source = "WebForm",
            language = "de",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
    }

    private static async Task<string?> ContactNameAsync(HttpClient admin, Guid leadId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}")).GetProperty("contactName").GetString();

    private async Task EmptyEuStoreAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={factory.EuStorePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM residency_values";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task BackupNow_WritesTheEuStoresBackupIntoTheZonesFolder_AndVerifyChecksBoth()
    {
        await CaptureEuLeadAsync("Zora Zone");

        var now = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, Environment, "backup", "now");
        var verify = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, Environment, "backup", "verify");
        var list = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, Environment, "backup", "list");

        Assert.True(now.ExitCode == 0, now.Stderr);
        var paths = now.Stdout.Trim().Split('\n').Select(line => line.Split(' ')[0]).ToList();
        Assert.Equal(2, paths.Count);
        var backups = factory.Services.GetRequiredService<BackupService>();
        Assert.Equal(backups.Folder, Path.GetDirectoryName(paths[0]));
        Assert.Equal(EuBackupFolder, Path.GetDirectoryName(paths[1]));
        Assert.StartsWith("nqba-eu-", Path.GetFileName(paths[1]), StringComparison.Ordinal);
        Assert.True(File.Exists(paths[1] + ".sha256"));
        Assert.Empty(Directory.GetFiles(backups.Folder, "nqba-eu-*"));
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains("(zone EU's store)", verify.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, verify.Stdout.Trim().Split('\n').Length);
        Assert.Contains(list.Stdout.Split('\n'), line => line.StartsWith("nqba-eu-", StringComparison.Ordinal) && line.TrimEnd().EndsWith("\tEU", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restore_OfTheZoneBackup_BringsBackTheEuClientsData()
    {
        var admin = await factory.CreateAdminClientAsync();
        var leadId = await CaptureEuLeadAsync("Rhea Restore");
        var backups = factory.Services.GetRequiredService<BackupService>();
        var zoneBackup = (await backups.CreateAllAsync(null, CancellationToken.None)).Single(b => b.Name.StartsWith("nqba-eu-", StringComparison.Ordinal));
        await EmptyEuStoreAsync();
        Assert.Equal("[erased]", await ContactNameAsync(admin, leadId));

        var header = await backups.RestoreAsync(zoneBackup.Path, null, CancellationToken.None);

        Assert.Equal("EU", header.Zone);
        Assert.Equal("Rhea Restore", await ContactNameAsync(admin, leadId));
    }

    [Fact]
    public async Task Drill_RestoresTheZoneStore_AndTheComplianceReportShowsIt()
    {
        await CaptureEuLeadAsync("Dora Drill");
        var backups = factory.Services.GetRequiredService<BackupService>();
        var created = await backups.CreateAllAsync(null, CancellationToken.None);

        var report = await backups.DrillAsync(null, CancellationToken.None);

        Assert.True(report.Succeeded, report.ToString());
        var zone = Assert.Single(report.Zones!);
        Assert.Equal("EU", zone.Zone);
        Assert.Equal(created[1].Name, zone.Backup);
        Assert.True(zone.RowCountsMatch);
        Assert.True(zone.Succeeded);
        var admin = await factory.CreateAdminClientAsync();
        var compliance = await admin.GetFromJsonAsync<JsonElement>("/api/compliance");
        var zoneStatus = Assert.Single(compliance.GetProperty("backups").GetProperty("zones").EnumerateArray());
        Assert.Equal("EU", zoneStatus.GetProperty("zone").GetString());
        Assert.True(zoneStatus.GetProperty("configured").GetBoolean());
        Assert.Equal(created[1].Name, zoneStatus.GetProperty("newestBackup").GetString());
        Assert.True(compliance.GetProperty("recoveryPointMet").GetBoolean());
        Assert.True(compliance.GetProperty("drillRecoveryPointMet").GetBoolean());
        var page = await admin.GetStringAsync("/admin/compliance");
        Assert.Contains("data-zone=\"EU\"", page, StringComparison.Ordinal);
        Assert.Contains(created[1].Name, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAZoneBackup_TheDrillFails_AndTheRpoIsMissed()
    {
        var backups = factory.Services.GetRequiredService<BackupService>();
        await backups.CreateAllAsync(null, CancellationToken.None);
        foreach (var file in Directory.GetFiles(EuBackupFolder))
        {
            File.Delete(file);
        }

        var report = await backups.DrillAsync(null, CancellationToken.None);
        var admin = await factory.CreateAdminClientAsync();
        var compliance = await admin.GetFromJsonAsync<JsonElement>("/api/compliance");

        Assert.False(report.Succeeded);
        Assert.True(report.RowCountsMatch);
        Assert.Null(Assert.Single(report.Zones!).Backup);
        Assert.False(compliance.GetProperty("recoveryPointMet").GetBoolean());
        Assert.Equal(0, compliance.GetProperty("backups").GetProperty("zones")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public void ZoneBackupFolder_IsConfigured_OrBesideASqliteStore_AndNoneForAnUnconfiguredPostgresStore()
    {
        var root = Path.Combine(Path.GetTempPath(), "nqba-zone-folders");
        var residency = new ResidencyOptions();
        residency.Stores["EU"] = new ResidencyStoreOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=/srv/eu/eu.db" };
        residency.Stores["APAC"] = new ResidencyStoreOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=apac.example;Database=nqba" };
        residency.Stores["UK"] = new ResidencyStoreOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=uk.example;Database=nqba", BackupDirectory = "/mnt/uk-backups" };
        var stores = new ResidencyStores(Options.Create(residency), Options.Create(new DatabaseOptions()), new HostingEnvironment { ContentRootPath = root });

        Assert.Equal(["APAC", "EU", "UK"], stores.ZonesKeptApart);
        Assert.Equal("/srv/eu/backups/eu", stores.BackupFolder("EU"));
        Assert.Null(stores.BackupFolder("APAC"));
        Assert.Equal("/mnt/uk-backups", stores.BackupFolder("UK"));
    }
}
