using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Backup;

/// <summary>
/// Online, encrypted, checksummed backups of the database, and their verification, restore and drill.
/// SQLite is copied with its online backup API (a consistent snapshot while the server runs); PostgreSQL
/// with pg_dump's custom format.
/// </summary>
internal sealed partial class BackupService(
    IOptions<BackupOptions> options,
    IOptions<DatabaseOptions> database,
    IHostEnvironment environment,
    TimeProvider time,
    IAuditLedger audit,
    IServiceScopeFactory scopes,
    ILogger<BackupService> logger)
{
    /// <summary>The ledger action of a drill; its entry holds the <see cref="DrillReport"/>.</summary>
    public const string DrilledAction = "platform.backup.drilled";

    /// <summary>The ledger action of a backup that passed <see cref="VerifyAsync"/>.</summary>
    public const string VerifiedAction = "platform.backup.verified";

    private static readonly JsonSerializerOptions LedgerJson = new(JsonSerializerDefaults.Web);
    private const string Extension = ".nqbak";
    private const string NameFormat = "yyyyMMdd'T'HHmmss'Z'";

    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Directory));

    private string ConnectionString => database.Value.ResolveConnectionString(environment.ContentRootPath);

    public async Task<BackupInfo> CreateAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = time.GetUtcNow().UtcDateTime;
        var name = $"nqba-{now.ToString(NameFormat, CultureInfo.InvariantCulture)}{Extension}";
        var snapshot = Path.Combine(Folder, name + ".plain.tmp");
        var encrypted = Path.Combine(Folder, name + ".tmp");
        try
        {
            var counts = database.Value.Provider == DatabaseProvider.Sqlite
                ? await SnapshotSqliteAsync(snapshot, cancellationToken)
                : await DumpPostgresAsync(snapshot, cancellationToken);
            var header = new BackupHeader(1, now, database.Value.Provider.ToString(), new FileInfo(snapshot).Length, await Sha256Async(snapshot, cancellationToken), counts);
            await using (var input = File.OpenRead(snapshot))
            await using (var output = File.Create(encrypted))
            {
                await BackupCipher.EncryptAsync(input, output, header, LoadKey(), progress, cancellationToken);
            }

            var final = Path.Combine(Folder, name);
            File.Move(encrypted, final, overwrite: true);
            await File.WriteAllTextAsync(final + ".sha256", await Sha256Async(final, cancellationToken) + "  " + name + "\n", cancellationToken);
            LogCreated(logger, name, header.PlaintextBytes);
            ApplyRetention();
            return new BackupInfo(final, name, now, new FileInfo(final).Length);
        }
        finally
        {
            File.Delete(snapshot);
            File.Delete(encrypted);
        }
    }

    public IReadOnlyList<BackupInfo> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Folder, "nqba-*" + Extension)
            .Select(path => (Path: path, Name: Path.GetFileName(path)))
            .Select(f => DateTime.TryParseExact(f.Name["nqba-".Length..^Extension.Length], NameFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created)
                ? new BackupInfo(f.Path, f.Name, created, new FileInfo(f.Path).Length)
                : null)
            .OfType<BackupInfo>()
            .OrderByDescending(b => b.CreatedAt)];
    }

    public BackupInfo? Newest() => List() is [var newest, ..] ? newest : null;

    /// <summary>Checks the file's stored checksum and decrypts it completely; throws <see cref="BackupCorruptException"/>.</summary>
    public async Task<BackupHeader> VerifyAsync(string path, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var sidecar = path + ".sha256";
        if (File.Exists(sidecar))
        {
            var expected = (await File.ReadAllTextAsync(sidecar, cancellationToken)).Split(' ', 2)[0].Trim();
            if (!string.Equals(expected, await Sha256Async(path, cancellationToken), StringComparison.Ordinal))
            {
                throw new BackupCorruptException("the file's SHA-256 differs from the checksum written beside it");
            }
        }

        BackupHeader header;
        await using (var input = File.OpenRead(path))
        {
            header = await BackupCipher.DecryptAsync(input, Stream.Null, LoadKey(), progress, cancellationToken);
        }

        await audit.AppendAsync(new AuditRecord(VerifiedAction, "backup", Path.GetFileName(path)), cancellationToken);
        return header;
    }

    /// <summary>Replaces the configured database's content with the backup's. Stop other instances first.</summary>
    public async Task<BackupHeader> RestoreAsync(string path, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var plain = path + ".restore.tmp";
        try
        {
            var header = await DecryptToFileAsync(path, plain, progress, cancellationToken);
            if (database.Value.Provider == DatabaseProvider.Sqlite)
            {
                await CheckSqliteIntegrityAsync(plain, cancellationToken);
                await using var source = new SqliteConnection($"Data Source={plain};Pooling=False");
                await using var target = new SqliteConnection(ConnectionString);
                await source.OpenAsync(cancellationToken);
                await target.OpenAsync(cancellationToken);
                source.BackupDatabase(target);
            }
            else
            {
                await RunPostgresToolAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", PostgresUri(ConnectionString), plain], cancellationToken);
            }

            LogRestored(logger, Path.GetFileName(path));
            return header;
        }
        finally
        {
            File.Delete(plain);
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Restores the newest backup into a scratch database, verifies it, and reports the times.</summary>
    public async Task<DrillReport> DrillAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var newest = Newest() ?? throw new BackupCorruptException("there is no backup to drill (run 'nqba backup now' first)");
        var started = time.GetUtcNow().UtcDateTime;
        var clock = Stopwatch.StartNew();
        var scratch = Path.Combine(Path.GetTempPath(), $"nqba-drill-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        string? scratchDatabase = null;
        try
        {
            var plain = Path.Combine(scratch, "restore.bin");
            var header = await DecryptToFileAsync(newest.Path, plain, progress, cancellationToken);
            DbContextOptions<PlatformDbContext> contextOptions;
            IReadOnlyDictionary<string, long> restoredCounts;
            if (header.Provider == nameof(DatabaseProvider.Sqlite))
            {
                await CheckSqliteIntegrityAsync(plain, cancellationToken);
                restoredCounts = await CountSqliteRowsAsync($"Data Source={plain};Pooling=False", cancellationToken);
                contextOptions = new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite($"Data Source={plain};Pooling=False").ConfigureWarnings(ModuleDbContextRegistration.IgnoreProviderCount).Options;
            }
            else
            {
                scratchDatabase = "nqba_drill_" + Guid.NewGuid().ToString("N")[..12];
                await ExecutePostgresAsync($"CREATE DATABASE {scratchDatabase}", cancellationToken);
                var scratchConnection = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = scratchDatabase }.ToString();
                await RunPostgresToolAsync("pg_restore", ["--no-owner", "--dbname", PostgresUri(scratchConnection), plain], cancellationToken);
                restoredCounts = await CountPostgresRowsAsync(scratchConnection, cancellationToken);
                contextOptions = new DbContextOptionsBuilder<PlatformDbContext>().UseNpgsql(scratchConnection).ConfigureWarnings(ModuleDbContextRegistration.IgnoreProviderCount).Options;
            }

            await using var restored = new PlatformDbContext(contextOptions);
            var chain = await new AuditVerifier(restored).VerifyAsync(cancellationToken);
            clock.Stop();
            var countsMatch = header.RowCounts.Count == 0 || header.RowCounts.All(kv => restoredCounts.TryGetValue(kv.Key, out var n) && n == kv.Value);
            var report = new DrillReport(newest.Name, started, started - newest.CreatedAt, clock.Elapsed, countsMatch, chain.ToString(), countsMatch && chain.IsIntact);
            // The ledger is the record every instance reads (and it survives restarts and a lost backup folder);
            // the file beside the backups is for whoever inspects the folder.
            await audit.AppendAsync(new AuditRecord(DrilledAction, "backup", newest.Name, After: report), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(Folder, "last-drill.json"), JsonSerializer.Serialize(report), cancellationToken);
            return report;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (scratchDatabase is not null)
            {
                await ExecutePostgresAsync($"DROP DATABASE IF EXISTS {scratchDatabase} WITH (FORCE)", CancellationToken.None);
            }

            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The newest drill recorded in the audit ledger (any instance's), or null when none has run.</summary>
    public async Task<DrillReport?> LastDrillAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var json = await db.AuditEntries.AsNoTracking().Where(e => e.Action == DrilledAction)
            .OrderByDescending(e => e.Sequence).Select(e => e.After).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<DrillReport>(json, LedgerJson);
    }

    /// <summary>The backups against the recovery objectives: newest, count, whether the newest was verified, the last drill.</summary>
    public async Task<BackupStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var all = List();
        var newest = all.Count > 0 ? all[0] : null;
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? verifiedAt = null;
        if (newest is not null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var checks = await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == "backup" && e.EntityId == newest.Name && (e.Action == VerifiedAction || e.Action == DrilledAction))
                .OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Timestamp, e.After }).ToListAsync(cancellationToken);
            verifiedAt = checks.FirstOrDefault(c => c.Action == VerifiedAction
                || (c.After is not null && JsonSerializer.Deserialize<DrillReport>(c.After, LedgerJson)?.Succeeded == true))?.Timestamp;
        }

        return new BackupStatus(
            options.Value.Enabled,
            all.Count,
            all.Sum(b => b.Bytes),
            newest?.Name,
            newest?.CreatedAt,
            newest is null ? null : now - newest.CreatedAt,
            verifiedAt,
            options.Value.Interval,
            options.Value.RecoveryTimeObjective,
            await LastDrillAsync(cancellationToken));
    }

    private void ApplyRetention()
    {
        var all = List();
        var o = options.Value;
        var keep = BackupRetention.Keep(all, time.GetUtcNow().UtcDateTime, o.KeepQuarterHours, o.KeepDays, o.KeepMonths);
        foreach (var backup in all.Where(b => !keep.Contains(b.Path)))
        {
            File.Delete(backup.Path);
            File.Delete(backup.Path + ".sha256");
        }
    }

    private async Task<BackupHeader> DecryptToFileAsync(string path, string plain, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(path);
        await using var output = File.Create(plain);
        return await BackupCipher.DecryptAsync(input, output, LoadKey(), progress, cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, long>> SnapshotSqliteAsync(string snapshot, CancellationToken cancellationToken)
    {
        await using (var source = new SqliteConnection(ConnectionString))
        await using (var target = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
        {
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }

        // The copy inherits WAL mode; switch it back so the file alone is the whole database.
        await using (var copy = new SqliteConnection($"Data Source={snapshot};Pooling=False"))
        {
            await copy.OpenAsync(cancellationToken);
            await using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await CountSqliteRowsAsync($"Data Source={snapshot};Pooling=False", cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountSqliteRowsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }

    private static async Task CheckSqliteIntegrityAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                throw new BackupCorruptException("the restored SQLite database fails its integrity check: " + result);
            }
        }
        catch (SqliteException ex)
        {
            throw new BackupCorruptException("the restored file is not a SQLite database: " + ex.Message, ex);
        }
    }

    private async Task<IReadOnlyDictionary<string, long>> DumpPostgresAsync(string snapshot, CancellationToken cancellationToken)
    {
        // pg_dump takes its own consistent snapshot; row counts taken outside it would not match it exactly, so a
        // PostgreSQL backup records none and its drill checks the restore and the audit chain instead.
        await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--file", snapshot, PostgresUri(ConnectionString)], cancellationToken);
        return new Dictionary<string, long>();
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountPostgresRowsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }

    private async Task ExecutePostgresAsync(string sql, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A libpq URI for the pg tools; the password travels in the environment, not the command line.</summary>
    private static string PostgresUri(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{Uri.EscapeDataString(b.Username ?? "postgres")}@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database ?? "postgres")}";
    }

    private async Task RunPostgresToolAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(FindPostgresTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(ConnectionString).Password ?? string.Empty;
        using var process = Process.Start(start) ?? throw new BackupCorruptException($"{tool} could not be started");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BackupCorruptException($"{tool} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
        }
    }

    private string FindPostgresTool(string tool)
    {
        if (options.Value.PostgresBinDirectory is { Length: > 0 } configured)
        {
            return Path.Combine(configured, tool);
        }

        var packaged = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists)
            : null;
        return packaged ?? tool;
    }

    private byte[] LoadKey()
    {
        if (options.Value.Key is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length == 32 ? bytes : throw new StartupException("Backup:Key must be the base64 of 32 bytes (an AES-256 key).");
        }

        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.KeyFile));
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return key.Length == 32 ? key : throw new StartupException($"Backup:KeyFile '{path}' does not hold a base64 AES-256 key.");
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup {Name} written ({Bytes} bytes of database)")]
    private static partial void LogCreated(ILogger logger, string name, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database restored from {Name}")]
    private static partial void LogRestored(ILogger logger, string name);
}
