using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (default, a file under ./data) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Empty means the embedded default: <c>Data Source=data/nqba.db</c> for SQLite;
    /// PostgreSQL has no default and must be configured.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations on start (the default). When off, run <c>nqba migrate</c> first.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Seed the demo company's sample records (specialists, clients, leads) on first start. Roles, the first admin, units and regions are always seeded.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>SQLite durability in WAL mode: Normal (sync at checkpoints; the default) or Full (sync every commit).</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    internal string ResolveConnectionString(string contentRoot) => Provider switch
    {
        DatabaseProvider.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) =>
            $"Data Source={Path.Combine(contentRoot, "data", "nqba.db")}",
        DatabaseProvider.Postgres when string.IsNullOrWhiteSpace(ConnectionString) =>
            throw new StartupException(
                "Database:ConnectionString is required when Database:Provider is Postgres " +
                "(for example \"Host=127.0.0.1;Port=5432;Database=nqba;Username=nqba;Password=...\")."),
        _ => ConnectionString!,
    };
}
