using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// The explicit migration step (STYLE.md): applies every module's migrations in order, then seeds the demo
/// company. Failures a person can fix become one <see cref="StartupException"/> naming the setting.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceProvider services,
    IEnumerable<MigratableContext> contexts,
    Residency.ResidencyStores residencyStores,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool migrate, bool includeDemoData, CancellationToken cancellationToken)
    {
        var db = options.Value;
        var connectionString = db.ResolveConnectionString(environment.ContentRootPath);
        try
        {
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                await PrepareSqliteFileAsync(connectionString, cancellationToken);
            }

            if (migrate)
            {
                // Zones' stores first: seeding may already write a client's personal data to its zone.
                await residencyStores.MigrateAsync(cancellationToken);
            }

            await using var scope = services.CreateAsyncScope();
            foreach (var registration in contexts)
            {
                var context = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);
                if (migrate)
                {
                    await context.Database.MigrateAsync(cancellationToken);
                }
                else
                {
                    var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                    if (pending.Count > 0)
                    {
                        throw new StartupException(
                            $"The database is missing {pending.Count} migration(s) of {registration.ContextType.Name} ({string.Join(", ", pending)}). " +
                            "Run 'nqba migrate', or set Database:MigrateOnStart=true.");
                    }
                }
            }

            // The job store's tables are Quartz's, not a module's model: created by an idempotent installer of our own.
            if (migrate)
            {
                await Jobs.JobStoreSchema.EnsureAsync(db.Provider, connectionString, cancellationToken);
            }
            else if (await Jobs.JobStoreSchema.MissingTablesAsync(db.Provider, connectionString, cancellationToken) is { Count: > 0 } missing)
            {
                throw new StartupException(
                    $"The database is missing the job store's tables ({string.Join(", ", missing)}). Run 'nqba migrate', or set Database:MigrateOnStart=true.");
            }

            await Protection.KeyRingStartupCheck.VerifyAsync(
                scope.ServiceProvider.GetRequiredService<PlatformDbContext>(),
                scope.ServiceProvider.GetRequiredService<Protection.IMasterKeyProvider>(),
                scope.ServiceProvider.GetRequiredService<IOptions<Protection.ProtectionOptions>>().Value,
                cancellationToken);

            // Keys erased after the backup this database may have been restored from are destroyed again first.
            var reErased = await scope.ServiceProvider.GetRequiredService<Protection.FieldProtector>().ReapplyErasuresAsync(cancellationToken);
            if (reErased > 0)
            {
                LogErasuresReapplied(logger, reErased);
            }

            foreach (var seeder in scope.ServiceProvider.GetServices<IDataSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(includeDemoData, cancellationToken);
            }
        }
        catch (SqliteException ex)
        {
            throw new StartupException(DescribeSqlite(ex, connectionString), ex);
        }
        catch (NpgsqlException ex)
        {
            throw new StartupException(
                $"Cannot use the PostgreSQL database of Database:ConnectionString ({Redact(connectionString)}): {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"Database:ConnectionString is not valid for {db.Provider}: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("PendingModelChangesWarning", StringComparison.Ordinal) || ex.Message.Contains("pending changes", StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupException(
                "This build's data model has changes that no migration describes (a missing migration). " +
                "Generate it with scripts/add-migration.sh before starting.", ex);
        }

        LogReady(logger, db.Provider);
    }

    private static async Task PrepareSqliteFileAsync(string connectionString, CancellationToken cancellationToken)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"Database:ConnectionString is not a valid SQLite connection string: {ex.Message}", ex);
        }

        var path = builder.DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            try
            {
                Protection.OwnerOnlyFiles.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StartupException($"Database:ConnectionString points to '{path}', but its folder cannot be created: {ex.Message}", ex);
            }
        }

        // Created owner-only before SQLite opens it (SQLite would create it readable by everyone, 0644); its -wal and
        // -shm files take the database file's mode. A file from an earlier version is narrowed to 0600 too.
        try
        {
            if (!path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                Protection.OwnerOnlyFiles.Touch(path);
            }

            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            {
                Protection.OwnerOnlyFiles.Restrict(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The SQLite file '{path}' (Database:ConnectionString) cannot be created or its permissions set: {ex.Message}", ex);
        }

        // Write-ahead logging lets readers proceed while one writer commits (the default rollback journal blocks
        // them); the setting is stored in the file, so once is enough.
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string DescribeSqlite(SqliteException ex, string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return ex.SqliteErrorCode switch
        {
            26 or 11 => $"The SQLite file '{path}' (Database:ConnectionString) is not a database or is corrupted ({ex.Message}). Restore it from a backup or move it aside to start fresh.",
            5 or 6 => $"The SQLite file '{path}' (Database:ConnectionString) is locked by another process ({ex.Message}). Stop the other NQBA instance, or use PostgreSQL for several instances.",
            14 => $"The SQLite file '{path}' (Database:ConnectionString) cannot be opened ({ex.Message}). Check the path and its permissions.",
            8 => $"The SQLite file '{path}' (Database:ConnectionString) is read-only ({ex.Message}).",
            _ => $"The SQLite database '{path}' (Database:ConnectionString) failed: {ex.Message}",
        };
    }

    private static string Redact(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "***";
            }

            return builder.ToString();
        }
        catch (ArgumentException)
        {
            return "unparseable";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Destroyed {Count} data keys again that the erasure journal names: the database was restored from a backup taken before their erasure")]
    private static partial void LogErasuresReapplied(ILogger logger, int count);
}
