using Npgsql;
using Nqba.Testing;

namespace Nqba.Server.Tests.Privacy;

/// <summary>
/// The server (on the pass's database) with the EU residency zone's store in a PostgreSQL database of its own, and its
/// backups in a configured folder (a PostgreSQL store has no default one). Without a PostgreSQL server
/// (<c>NQBA_TEST_POSTGRES</c> unset) the server is not started: its tests are skipped by <see cref="PostgresFactAttribute"/>.
/// </summary>
public sealed class PostgresZoneFactory : NqbaFactory
{
    private static readonly string? PostgresServer = Environment.GetEnvironmentVariable("NQBA_TEST_POSTGRES");
    private readonly string _zoneDatabase = "nqba_zone_" + Guid.NewGuid().ToString("N")[..12];

    public string EuConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _zoneDatabase }.ToString();

    public string EuBackupFolder => Path.Combine(ContentRoot, "zone-backups", "eu");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Residency:HomeZone"] = "US",
        ["Residency:Stores:EU:Provider"] = "Postgres",
        ["Residency:Stores:EU:ConnectionString"] = EuConnectionString,
        ["Residency:Stores:EU:BackupDirectory"] = EuBackupFolder,
    };

    public override async Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(PostgresServer))
        {
            return;
        }

        await ExecuteAsync($"CREATE DATABASE {_zoneDatabase}");
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!string.IsNullOrEmpty(PostgresServer))
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS {_zoneDatabase} WITH (FORCE)");
            }
            catch (PostgresException)
            {
                // A backend still leaving: the throwaway server goes with the test run anyway.
            }
        }

        GC.SuppressFinalize(this);
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
