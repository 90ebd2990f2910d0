using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Residency;

/// <summary>
/// The residency zones' stores: which zones have one, opening a zone's context, migrating them all, and reading
/// and writing the encrypted values kept there.
/// </summary>
internal sealed class ResidencyStores(IOptions<ResidencyOptions> options, IOptions<DatabaseOptions> database, IHostEnvironment environment)
{
    private readonly ConcurrentDictionary<string, DbContextOptions> _contexts = new(StringComparer.OrdinalIgnoreCase);

    public bool Enabled => options.Value.Stores.Count > 0;

    public IEnumerable<string> Zones => options.Value.Stores.Keys;

    /// <summary>True when the zone's personal data is kept in a store of its own rather than the main database.</summary>
    public bool KeepsApart(string? zone) =>
        zone is not null && !string.Equals(zone, options.Value.HomeZone, StringComparison.OrdinalIgnoreCase) && options.Value.Stores.ContainsKey(zone);

    /// <summary>The zones whose personal data is kept in a store of their own.</summary>
    public IReadOnlyList<string> ZonesKeptApart => [.. Zones.Where(KeepsApart).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The zone store's provider and resolved connection string.</summary>
    public DatabaseOptions Settings(string zone)
    {
        var store = options.Value.Stores[zone];
        var settings = new DatabaseOptions
        {
            Provider = store.Provider ?? database.Value.Provider,
            ConnectionString = store.ConnectionString,
            CommandTimeoutSeconds = database.Value.CommandTimeoutSeconds,
            SqliteSynchronous = database.Value.SqliteSynchronous,
        };
        return string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? throw new StartupException($"Residency:Stores:{zone}:ConnectionString is required: the database of zone {zone}'s personal data.")
            : settings;
    }

    /// <summary>
    /// The folder the zone's backups go to: the configured one, else beside a SQLite store's file; null for a
    /// PostgreSQL store without one (its backups need a folder in the zone, which cannot be guessed).
    /// </summary>
    public string? BackupFolder(string zone)
    {
        if (options.Value.Stores[zone].BackupDirectory is { Length: > 0 } configured)
        {
            return Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        }

        var settings = Settings(zone);
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);
        return Path.Combine(Path.GetDirectoryName(file)!, "backups", zone.ToLowerInvariant());
    }

    public ResidencyStoreDbContext Open(string zone)
    {
        var contextOptions = _contexts.GetOrAdd(zone, Build);
        return contextOptions is DbContextOptions<PostgresResidencyStoreDbContext> postgres
            ? new PostgresResidencyStoreDbContext(postgres)
            : new SqliteResidencyStoreDbContext((DbContextOptions<SqliteResidencyStoreDbContext>)contextOptions);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var zone in Zones.Where(KeepsApart))
        {
            await using var db = Open(zone);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>Reads one value (synchronously: entity materialization is synchronous in EF Core); null when absent.</summary>
    public string? Read(string zone, Guid id)
    {
        if (!KeepsApart(zone))
        {
            return null;
        }

        using var db = Open(zone);
        return db.Values.AsNoTracking().Where(v => v.Id == id).Select(v => v.Value).FirstOrDefault();
    }

    public async Task WriteAsync(string zone, IReadOnlyList<(Guid Id, string Value)> values, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = Open(zone);
        var ids = values.Select(v => v.Id).ToList();
        var existing = await db.Values.Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        foreach (var (id, value) in values)
        {
            if (existing.TryGetValue(id, out var row))
            {
                row.Value = value;
                row.WrittenAt = now;
            }
            else
            {
                db.Values.Add(new ResidentValue { Id = id, Value = value, WrittenAt = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private DbContextOptions Build(string zone)
    {
        var settings = Settings(zone);
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresResidencyStoreDbContext>();
            postgres.UseNqbaPostgres(settings, environment.ContentRootPath, ResidencyStoreDbContext.HistoryTable);
            return postgres.Options;
        }

        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } directory)
        {
            Protection.OwnerOnlyFiles.CreateDirectory(directory);
        }

        if (file is { Length: > 0 } and not ":memory:" && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // The zone's personal data: owner-only, like the main database.
            Protection.OwnerOnlyFiles.Touch(file);
            Protection.OwnerOnlyFiles.Restrict(file);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteResidencyStoreDbContext>();
        sqlite.UseNqbaSqlite(settings, environment.ContentRootPath, ResidencyStoreDbContext.HistoryTable);
        return sqlite.Options;
    }
}
