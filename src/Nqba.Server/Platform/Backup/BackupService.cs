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
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Residency;

namespace Nqba.Server.Platform.Backup;

/// <summary>
/// Online, encrypted, checksummed backups of the main database and of every residency zone's store (each into a
/// folder of its own zone), and their verification, restore and drill. SQLite is copied with its online backup
/// API (a consistent snapshot while the server runs); PostgreSQL with pg_dump's custom format.
/// </summary>
internal sealed partial class BackupService(
    IOptions<BackupOptions> options,
    IOptions<DatabaseOptions> database,
    ResidencyStores stores,
    FieldProtector protector,
    IHostEnvironment environment,
    TimeProvider time,
    IAuditLedger audit,
    AuditChainKey auditKey,
    AuditAnchorFile auditAnchor,
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

    /// <summary>The main database's backup folder.</summary>
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Directory));

    public BackupTarget Main => new(null, database.Value.Provider, database.Value.ResolveConnectionString(environment.ContentRootPath), Folder);

    /// <summary>The main database, then every residency zone's store that has a backup folder.</summary>
    public IReadOnlyList<BackupTarget> Targets => [Main, .. stores.ZonesKeptApart.Select(ZoneTarget).OfType<BackupTarget>()];

    /// <summary>The zone's store as a backup target; null when it has no backup folder.</summary>
    public BackupTarget? ZoneTarget(string zone)
    {
        if (stores.BackupFolder(zone) is not { } folder)
        {
            return null;
        }

        var settings = stores.Settings(zone);
        return new BackupTarget(zone, settings.Provider, settings.ResolveConnectionString(environment.ContentRootPath), folder);
    }

    /// <summary>Backs up the main database.</summary>
    public Task<BackupInfo> CreateAsync(IProgress<double>? progress, CancellationToken cancellationToken) => CreateAsync(Main, progress, cancellationToken);

    /// <summary>Backs up every target in turn, the main database first; the progress runs once from 0 to 1 over all.</summary>
    public async Task<IReadOnlyList<BackupInfo>> CreateAllAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var targets = Targets;
        var created = new List<BackupInfo>(targets.Count);
        for (var i = 0; i < targets.Count; i++)
        {
            var index = i;
            var part = progress is null ? null : new Progress<double>(v => progress.Report((index + v) / targets.Count));
            created.Add(await CreateAsync(targets[i], part, cancellationToken));
        }

        return created;
    }

    public async Task<BackupInfo> CreateAsync(BackupTarget target, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        OwnerOnlyFiles.CreateOrRestrictDirectory(target.Folder);
        var now = time.GetUtcNow().UtcDateTime;
        var name = $"{target.FilePrefix}{now.ToString(NameFormat, CultureInfo.InvariantCulture)}{Extension}";
        var snapshot = Path.Combine(target.Folder, name + ".plain.tmp");
        var encrypted = Path.Combine(target.Folder, name + ".tmp");
        try
        {
            // Read before the snapshot, so the anchor never names an entry the snapshot lacks: the backup's ledger
            // must reach it, or the drill reports the ledger cut short.
            var anchor = target.Zone is null ? auditAnchor.Read() : null;
            OwnerOnlyFiles.Touch(snapshot);
            var counts = target.Provider == DatabaseProvider.Sqlite
                ? await SnapshotSqliteAsync(target.ConnectionString, snapshot, cancellationToken)
                : await DumpPostgresAsync(target.ConnectionString, snapshot, cancellationToken);
            var header = new BackupHeader(1, now, target.Provider.ToString(), new FileInfo(snapshot).Length, await Sha256Async(snapshot, cancellationToken), counts, target.Zone, anchor);
            await using (var input = File.OpenRead(snapshot))
            await using (var output = OwnerOnlyFiles.Create(encrypted))
            {
                await BackupCipher.EncryptAsync(input, output, header, LoadKey(), progress, cancellationToken);
            }

            var final = Path.Combine(target.Folder, name);
            File.Move(encrypted, final, overwrite: true);
            await OwnerOnlyFiles.WriteAllTextAsync(final + ".sha256", await Sha256Async(final, cancellationToken) + "  " + name + "\n", cancellationToken);
            LogCreated(logger, name, header.PlaintextBytes);
            ApplyRetention(target);
            return new BackupInfo(final, name, now, new FileInfo(final).Length);
        }
        finally
        {
            File.Delete(snapshot);
            File.Delete(encrypted);
        }
    }

    /// <summary>The main database's backups, newest first.</summary>
    public IReadOnlyList<BackupInfo> List() => List(Main);

    public static IReadOnlyList<BackupInfo> List(BackupTarget target)
    {
        if (!Directory.Exists(target.Folder))
        {
            return [];
        }

        // Another target's files in the same folder (nqba-eu-… beside nqba-…) do not parse as this one's.
        return [.. Directory.EnumerateFiles(target.Folder, target.FilePrefix + "*" + Extension)
            .Select(path => (Path: path, Name: Path.GetFileName(path)))
            .Select(f => DateTime.TryParseExact(f.Name[target.FilePrefix.Length..^Extension.Length], NameFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created)
                ? new BackupInfo(f.Path, f.Name, created, new FileInfo(f.Path).Length)
                : null)
            .OfType<BackupInfo>()
            .OrderByDescending(b => b.CreatedAt)];
    }

    public BackupInfo? Newest() => Newest(Main);

    public static BackupInfo? Newest(BackupTarget target) => List(target) is [var newest, ..] ? newest : null;

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

    /// <summary>
    /// Replaces the content of the database the backup was taken of (the main database, or the zone store its
    /// header names) with the backup's. Stop other instances first.
    /// </summary>
    public async Task<BackupHeader> RestoreAsync(string path, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var plain = path + ".restore.tmp";
        try
        {
            var header = await DecryptToFileAsync(path, plain, progress, cancellationToken);
            var target = RestoreTargetOf(header);
            if (!string.Equals(header.Provider, target.Provider.ToString(), StringComparison.Ordinal))
            {
                throw new BackupCorruptException($"the backup is of a {header.Provider} database, and the {target.Label} is {target.Provider}");
            }

            if (target.Provider == DatabaseProvider.Sqlite)
            {
                await CheckSqliteIntegrityAsync(plain, cancellationToken);
                await RestoreSqliteAsync(target.ConnectionString, plain, cancellationToken);
            }
            else
            {
                await RestorePostgresAsync(target.ConnectionString, plain, cancellationToken);
            }

            if (target.Zone is null)
            {
                // The backup may predate erasures: their keys are destroyed again before anything reads the data.
                SqliteConnection.ClearAllPools();
                await protector.ReapplyErasuresAsync(cancellationToken);
                // The ledger is back where the backup was: so is its anchor (none for a backup taken before anchors,
                // which the next start anchors as found).
                auditAnchor.Replace(header.AuditAnchor);
            }

            LogRestored(logger, target.Label, Path.GetFileName(path));
            return header;
        }
        finally
        {
            File.Delete(plain);
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// Restores the newest backup of the main database and of each zone's store into scratch databases, verifies
    /// them (row counts, the audit chain) and reports the times.
    /// </summary>
    public async Task<DrillReport> DrillAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var newest = Newest() ?? throw new BackupCorruptException("there is no backup to drill (run 'nqba backup now' first)");
        var started = time.GetUtcNow().UtcDateTime;
        var clock = Stopwatch.StartNew();
        var scratch = Path.Combine(Path.GetTempPath(), $"nqba-drill-{Guid.NewGuid():N}");
        OwnerOnlyFiles.CreateDirectory(scratch);
        var scratchDatabases = new List<(string Server, string Database)>();
        try
        {
            var main = Main;
            var (header, restoredCounts, scratchConnection) = await RestoreToScratchAsync(main, newest, scratch, scratchDatabases, progress, cancellationToken);
            var contextOptions = main.Provider == DatabaseProvider.Sqlite
                ? new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite(scratchConnection).ConfigureWarnings(ModuleDbContextRegistration.IgnoreProviderCount).Options
                : new DbContextOptionsBuilder<PlatformDbContext>().UseNpgsql(scratchConnection).ConfigureWarnings(ModuleDbContextRegistration.IgnoreProviderCount).Options;
            AuditVerification chain;
            await using (var restored = new PlatformDbContext(contextOptions))
            {
                // Under the live audit key and against the anchor taken with the backup: a ledger cut short or
                // recomputed before the backup was taken fails here too.
                chain = await AuditVerifier.VerifyAsync(restored, await auditKey.GetAsync(cancellationToken), header.AuditAnchor, cancellationToken);
            }

            var countsMatch = CountsMatch(header, restoredCounts);
            var zones = await DrillZonesAsync(started, scratch, scratchDatabases, cancellationToken);
            clock.Stop();
            var report = new DrillReport(
                newest.Name,
                started,
                started - newest.CreatedAt,
                clock.Elapsed,
                countsMatch,
                chain.ToString(),
                countsMatch && chain.IsIntact && (zones?.All(z => z.Succeeded) ?? true),
                zones,
                TableCounts(header, restoredCounts));
            // The ledger is the record every instance reads (and it survives restarts and a lost backup folder);
            // the file beside the backups is for whoever inspects the folder.
            await audit.AppendAsync(new AuditRecord(DrilledAction, "backup", newest.Name, After: report), cancellationToken);
            await OwnerOnlyFiles.WriteAllTextAsync(Path.Combine(Folder, "last-drill.json"), JsonSerializer.Serialize(report), cancellationToken);
            return report;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            foreach (var (server, name) in scratchDatabases)
            {
                await DropScratchAsync(server, name);
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

    /// <summary>The backups against the recovery objectives: newest, count, whether the newest was verified, the last drill, the zones.</summary>
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

        var zones = stores.ZonesKeptApart.Select(zone =>
        {
            if (ZoneTarget(zone) is not { } target)
            {
                return new ZoneBackupStatus(zone, false, 0, 0, null, null, null);
            }

            var kept = List(target);
            var zoneNewest = kept.Count > 0 ? kept[0] : null;
            return new ZoneBackupStatus(zone, true, kept.Count, kept.Sum(b => b.Bytes), zoneNewest?.Name, zoneNewest?.CreatedAt, zoneNewest is null ? null : now - zoneNewest.CreatedAt);
        }).ToList();

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
            await LastDrillAsync(cancellationToken),
            zones);
    }

    private async Task<IReadOnlyList<ZoneDrillReport>?> DrillZonesAsync(DateTime started, string scratch, List<(string Server, string Database)> scratchDatabases, CancellationToken cancellationToken)
    {
        var zones = stores.ZonesKeptApart;
        if (zones.Count == 0)
        {
            return null;
        }

        var reports = new List<ZoneDrillReport>(zones.Count);
        foreach (var zone in zones)
        {
            var target = ZoneTarget(zone);
            if (target is null || Newest(target) is not { } newest)
            {
                reports.Add(new ZoneDrillReport(zone, null, TimeSpan.Zero, TimeSpan.Zero, false, false));
                continue;
            }

            var clock = Stopwatch.StartNew();
            try
            {
                var (header, counts, _) = await RestoreToScratchAsync(target, newest, scratch, scratchDatabases, null, cancellationToken);
                var match = CountsMatch(header, counts);
                reports.Add(new ZoneDrillReport(zone, newest.Name, started - newest.CreatedAt, clock.Elapsed, match, match, TableCounts(header, counts)));
            }
            catch (BackupCorruptException ex)
            {
                LogZoneDrillFailed(logger, zone, newest.Name, ex.Message);
                reports.Add(new ZoneDrillReport(zone, newest.Name, started - newest.CreatedAt, clock.Elapsed, false, false));
            }
        }

        return reports;
    }

    /// <summary>
    /// Decrypts the backup into the scratch folder and restores it into a scratch database (the SQLite file itself,
    /// or a new database on the target's PostgreSQL server, added to <paramref name="scratchDatabases"/> to be dropped).
    /// </summary>
    private async Task<(BackupHeader Header, IReadOnlyDictionary<string, long> Counts, string ScratchConnection)> RestoreToScratchAsync(
        BackupTarget target,
        BackupInfo backup,
        string scratch,
        List<(string Server, string Database)> scratchDatabases,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        var plain = Path.Combine(scratch, $"{Path.GetFileNameWithoutExtension(backup.Name)}.bin");
        var header = await DecryptToFileAsync(backup.Path, plain, progress, cancellationToken);
        if (header.Provider == nameof(DatabaseProvider.Sqlite))
        {
            await CheckSqliteIntegrityAsync(plain, cancellationToken);
            var connection = $"Data Source={plain};Pooling=False";
            return (header, await CountSqliteRowsAsync(connection, cancellationToken), connection);
        }

        var scratchDatabase = "nqba_drill_" + Guid.NewGuid().ToString("N")[..12];
        await ExecutePostgresAsync(target.ConnectionString, $"CREATE DATABASE {scratchDatabase}", cancellationToken);
        scratchDatabases.Add((target.ConnectionString, scratchDatabase));
        var scratchConnection = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = scratchDatabase }.ToString();
        await RunPostgresToolAsync("pg_restore", ["--no-owner", "--dbname", PostgresUri(scratchConnection), plain], target.ConnectionString, cancellationToken);
        return (header, await CountPostgresRowsAsync(scratchConnection, cancellationToken), scratchConnection);
    }

    /// <summary>The database a backup is restored into: the one its header names.</summary>
    private BackupTarget RestoreTargetOf(BackupHeader header)
    {
        if (header.Zone is null)
        {
            return Main;
        }

        if (!stores.ZonesKeptApart.Contains(header.Zone, StringComparer.OrdinalIgnoreCase))
        {
            throw new BackupCorruptException($"the backup holds zone {header.Zone}'s store, and this installation keeps no store for that zone (Residency:Stores:{header.Zone})");
        }

        // Restoring needs only the store: a zone without a backup folder can still take a backup brought to it.
        var settings = stores.Settings(header.Zone);
        return ZoneTarget(header.Zone) ?? new BackupTarget(header.Zone, settings.Provider, settings.ResolveConnectionString(environment.ContentRootPath), string.Empty);
    }

    private static List<DrillTableCount> TableCounts(BackupHeader header, IReadOnlyDictionary<string, long> restored) =>
        [.. header.RowCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new DrillTableCount(kv.Key, kv.Value, restored.TryGetValue(kv.Key, out var n) ? n : null))];

    private static bool CountsMatch(BackupHeader header, IReadOnlyDictionary<string, long> restored) =>
        header.RowCounts.Count == 0 || header.RowCounts.All(kv => restored.TryGetValue(kv.Key, out var n) && n == kv.Value);

    private void ApplyRetention(BackupTarget target)
    {
        var all = List(target);
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
        await using var output = OwnerOnlyFiles.Create(plain);
        return await BackupCipher.DecryptAsync(input, output, LoadKey(), progress, cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, long>> SnapshotSqliteAsync(string connectionString, string snapshot, CancellationToken cancellationToken)
    {
        await using (var source = new SqliteConnection(connectionString))
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

    private async Task<IReadOnlyDictionary<string, long>> DumpPostgresAsync(string connectionString, string snapshot, CancellationToken cancellationToken)
    {
        // The row counts and pg_dump read the same snapshot: a repeatable-read transaction exports it, counts inside it,
        // and stays open while pg_dump runs with --snapshot, so the header's counts are exactly what the dump holds.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        string snapshotId;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            snapshotId = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        }

        var counts = await CountPostgresRowsAsync(connection, transaction, cancellationToken);
        await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--snapshot", snapshotId, "--file", snapshot, PostgresUri(connectionString)], connectionString, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountPostgresRowsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await CountPostgresRowsAsync(connection, null, cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, long>> CountPostgresRowsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection, transaction);
            counts[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }

    /// <summary>
    /// Drops a drill's scratch database. FORCE ends our own sessions in it, but not an autovacuum worker the restore
    /// woke (it runs as the superuser: 42501), so a busy drop is tried again; one still refused is logged, not a failed drill.
    /// </summary>
    private async Task DropScratchAsync(string server, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecutePostgresAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 10)
                {
                    LogScratchLeft(logger, name, ex.SqlState);
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt));
            }
        }
    }

    private static async Task ExecutePostgresAsync(string server, string sql, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
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

    /// <summary>
    /// Copies the backup over the live SQLite database in one backup step. A writer of the running server (a job, the
    /// outbox) may hold the database lock at that moment (SQLITE_BUSY/LOCKED): nothing was copied then, so the copy
    /// is tried again a few times, a moment apart.
    /// </summary>
    private async Task RestoreSqliteAsync(string connectionString, string plain, CancellationToken cancellationToken)
    {
        const int Attempts = 5;
        await using var source = new SqliteConnection($"Data Source={plain};Pooling=False");
        await using var destination = new SqliteConnection(connectionString);
        await source.OpenAsync(cancellationToken);
        await destination.OpenAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                source.BackupDatabase(destination);
                return;
            }
            catch (SqliteException e) when (attempt < Attempts && e.SqliteErrorCode is 5 or 6)
            {
                LogRestoreBusy(logger, attempt);
                // Real time, not the clock of the business rules: the other writer needs a moment to commit.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// pg_restore in one transaction. A server still running jobs may lock a table the restore drops in the other
    /// order: PostgreSQL then ends one of the two (deadlock, 40P01). When that is the restore, nothing of it was
    /// applied (one transaction), so it is run again, as PostgreSQL advises for a deadlock victim.
    /// </summary>
    private async Task RestorePostgresAsync(string connectionString, string plain, CancellationToken cancellationToken)
    {
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunPostgresToolAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", PostgresUri(connectionString), plain], connectionString, cancellationToken);
                return;
            }
            catch (BackupCorruptException e) when (attempt < Attempts && e.Message.Contains("deadlock detected", StringComparison.Ordinal))
            {
                LogRestoreDeadlock(logger, attempt);
            }
        }
    }

    private async Task RunPostgresToolAsync(string tool, IEnumerable<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(FindPostgresTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(connectionString).Password ?? string.Empty;
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
            OwnerOnlyFiles.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Target} was restored from {Name}")]
    private static partial void LogRestored(ILogger logger, string target, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was busy when the restore began (attempt {Attempt}); nothing was copied, trying again")]
    private static partial void LogRestoreBusy(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The restore was chosen as a deadlock victim (attempt {Attempt}); nothing of it was applied, running it again")]
    private static partial void LogRestoreDeadlock(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The drill's scratch database {Name} could not be dropped ({SqlState}); drop it by hand")]
    private static partial void LogScratchLeft(ILogger logger, string name, string sqlState);

    [LoggerMessage(Level = LogLevel.Error, Message = "Drill of zone {Zone}'s backup {Name} failed: {Reason}")]
    private static partial void LogZoneDrillFailed(ILogger logger, string zone, string name, string reason);
}
