using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Nqba.Server.Platform.Backup;
using Nqba.Testing;

namespace Nqba.Server.Tests.Privacy;

/// <summary>
/// A residency zone whose store is a PostgreSQL database: its backups are pg_dump files in the zone's own folder,
/// and restoring one and the drill work on it as on a SQLite store (the main database may be either).
/// </summary>
public sealed class PostgresZoneBackupTests(PostgresZoneFactory factory) : IClassFixture<PostgresZoneFactory>
{
    private async Task<Guid> CaptureEuLeadAsync(string name)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/leads", new
        {
            name,
            email = $"{Guid.NewGuid():N}@eu-pg.example",
            company = "Zone Postgres GmbH",
            regionCode = "europe",
            source = "WebForm",
            language = "de",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
    }

    private async Task<long> EuValueCountAsync(string sql = "SELECT count(*) FROM residency_values")
    {
        await using var connection = new NpgsqlConnection(factory.EuConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [PostgresFact]
    public async Task TheZonesPostgresStore_IsBackedUpIntoItsFolder_RestoredFromIt_AndDrilled()
    {
        var admin = await factory.CreateAdminClientAsync();
        var leadId = await CaptureEuLeadAsync("Paula Postgres");
        var stored = await EuValueCountAsync();
        var backups = factory.Services.GetRequiredService<BackupService>();

        var created = await backups.CreateAllAsync(null, CancellationToken.None);
        var zoneBackup = Assert.Single(created, b => b.Name.StartsWith("nqba-eu-", StringComparison.Ordinal));
        await EuValueCountAsync("DELETE FROM residency_values; SELECT 0");
        var emptied = (await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}")).GetProperty("contactName").GetString();
        var header = await backups.RestoreAsync(zoneBackup.Path, null, CancellationToken.None);
        var restored = (await admin.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}")).GetProperty("contactName").GetString();
        var drill = await backups.DrillAsync(null, CancellationToken.None);

        Assert.True(stored > 0, "the EU lead's fields are in the zone's PostgreSQL store");
        Assert.Equal(factory.EuBackupFolder, Path.GetDirectoryName(zoneBackup.Path));
        Assert.True(File.Exists(zoneBackup.Path + ".sha256"));
        Assert.Empty(Directory.GetFiles(backups.Folder, "nqba-eu-*"));
        Assert.Equal("[erased]", emptied);
        Assert.Equal("EU", header.Zone);
        Assert.Equal("Paula Postgres", restored);
        Assert.Equal(stored, await EuValueCountAsync());
        Assert.True(drill.Succeeded, drill.ToString());
        var zone = Assert.Single(drill.Zones!);
        Assert.Equal("EU", zone.Zone);
        Assert.True(zone.RowCountsMatch);
    }
}
