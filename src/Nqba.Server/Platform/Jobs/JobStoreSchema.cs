using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// The Quartz.NET job store's tables (<c>QRTZ_*</c>), created by the product's own migrate step rather than by an EF
/// Core migration: they belong to Quartz, not to a module's model. Every statement is idempotent (<c>IF NOT EXISTS</c>),
/// so the step runs on every migrate; the table layout is the one Quartz 4.7 reads and writes, written once here and
/// rendered for each provider.
/// </summary>
internal static class JobStoreSchema
{
    public const string TablePrefix = "QRTZ_";

    private enum Kind
    {
        Name,
        LongText,
        BigInt,
        Int,
        SmallInt,
        Bool,
        Blob,
        Decimal,
    }

    private sealed record Column(string Name, Kind Kind, int Length = 0, bool Nullable = false, string? Default = null);

    private sealed record Table(string Name, Column[] Columns, string[] Key, string? ParentTrigger = null, (string[] Columns, string Table, string[] Key)? Reference = null);

    private static Column Name(string name, int length, bool nullable = false) => new(name, Kind.Name, length, nullable);

    private static readonly Column SchedulerName = Name("SCHED_NAME", 120);
    private static readonly Column TriggerName = Name("TRIGGER_NAME", 150);
    private static readonly Column TriggerGroup = Name("TRIGGER_GROUP", 150);
    private static readonly string[] TriggerKey = ["SCHED_NAME", "TRIGGER_NAME", "TRIGGER_GROUP"];

    private static readonly Table[] Tables =
    [
        new("JOB_DETAILS",
        [
            SchedulerName, Name("JOB_NAME", 150), Name("JOB_GROUP", 150), Name("DESCRIPTION", 250, nullable: true),
            Name("JOB_CLASS_NAME", 250), new("IS_DURABLE", Kind.Bool), new("IS_NONCONCURRENT", Kind.Bool),
            new("IS_UPDATE_DATA", Kind.Bool), new("REQUESTS_RECOVERY", Kind.Bool), new("JOB_DATA", Kind.Blob, Nullable: true),
        ], ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"]),
        new("TRIGGERS",
        [
            SchedulerName, TriggerName, TriggerGroup, Name("JOB_NAME", 150), Name("JOB_GROUP", 150),
            Name("DESCRIPTION", 250, nullable: true), new("NEXT_FIRE_TIME", Kind.BigInt, Nullable: true),
            new("PREV_FIRE_TIME", Kind.BigInt, Nullable: true), new("PRIORITY", Kind.Int, Nullable: true),
            Name("TRIGGER_STATE", 16), Name("TRIGGER_TYPE", 8), new("START_TIME", Kind.BigInt), new("END_TIME", Kind.BigInt, Nullable: true),
            Name("CALENDAR_NAME", 200, nullable: true), new("MISFIRE_INSTR", Kind.SmallInt, Nullable: true),
            new("MISFIRE_ORIG_FIRE_TIME", Kind.BigInt, Nullable: true), Name("EXECUTION_GROUP", 200, nullable: true),
            Name("PREFERRED_NODE", 200, nullable: true), new("PREFERRED_NODE_AUTO", Kind.Bool, Default: "false"),
            Name("RETRY_POLICY", 250, nullable: true), new("RETRY_ATTEMPT", Kind.Int, Nullable: true),
            Name("CONTINUES_TRIGGER_NAME", 150, nullable: true), Name("CONTINUES_TRIGGER_GROUP", 150, nullable: true),
            new("CONTINUATION_CONDITION", Kind.Int, Nullable: true), new("OVERLAP_POLICY", Kind.Int, Nullable: true),
            Name("PAUSE_REASON", 250, nullable: true), Name("PAUSED_BY", 200, nullable: true), new("PAUSED_AT", Kind.BigInt, Nullable: true),
            new("MISFIRE_THRESHOLD", Kind.BigInt, Nullable: true), new("FIXED_DELAY", Kind.Bool, Nullable: true),
            new("JOB_DATA", Kind.Blob, Nullable: true),
        ], TriggerKey, Reference: (["SCHED_NAME", "JOB_NAME", "JOB_GROUP"], "JOB_DETAILS", ["SCHED_NAME", "JOB_NAME", "JOB_GROUP"])),
        new("SIMPLE_TRIGGERS",
        [
            SchedulerName, TriggerName, TriggerGroup, new("REPEAT_COUNT", Kind.BigInt), new("REPEAT_INTERVAL", Kind.BigInt),
            new("TIMES_TRIGGERED", Kind.BigInt),
        ], TriggerKey, ParentTrigger: "SIMPLE"),
        new("CRON_TRIGGERS",
        [
            SchedulerName, TriggerName, TriggerGroup, Name("CRON_EXPRESSION", 250), Name("TIME_ZONE_ID", 80, nullable: true),
        ], TriggerKey, ParentTrigger: "CRON"),
        new("SIMPROP_TRIGGERS",
        [
            SchedulerName, TriggerName, TriggerGroup, Name("STR_PROP_1", 512, nullable: true), Name("STR_PROP_2", 512, nullable: true),
            Name("STR_PROP_3", 512, nullable: true), new("INT_PROP_1", Kind.Int, Nullable: true), new("INT_PROP_2", Kind.Int, Nullable: true),
            new("LONG_PROP_1", Kind.BigInt, Nullable: true), new("LONG_PROP_2", Kind.BigInt, Nullable: true),
            new("DEC_PROP_1", Kind.Decimal, Nullable: true), new("DEC_PROP_2", Kind.Decimal, Nullable: true),
            new("BOOL_PROP_1", Kind.Bool, Nullable: true), new("BOOL_PROP_2", Kind.Bool, Nullable: true), Name("TIME_ZONE_ID", 80, nullable: true),
        ], TriggerKey, ParentTrigger: "SIMPROP"),
        new("BLOB_TRIGGERS",
        [
            SchedulerName, TriggerName, TriggerGroup, new("BLOB_DATA", Kind.Blob, Nullable: true),
        ], TriggerKey, ParentTrigger: "BLOB"),
        new("CALENDARS", [SchedulerName, Name("CALENDAR_NAME", 200), new("CALENDAR", Kind.Blob)], ["SCHED_NAME", "CALENDAR_NAME"]),
        new("PAUSED_TRIGGER_GRPS",
        [
            SchedulerName, TriggerGroup, Name("PAUSE_REASON", 250, nullable: true), Name("PAUSED_BY", 200, nullable: true),
            new("PAUSED_AT", Kind.BigInt, Nullable: true),
        ], ["SCHED_NAME", "TRIGGER_GROUP"]),
        new("PAUSED_JOB_GRPS",
        [
            SchedulerName, Name("JOB_GROUP", 150), Name("PAUSE_REASON", 250, nullable: true), Name("PAUSED_BY", 200, nullable: true),
            new("PAUSED_AT", Kind.BigInt, Nullable: true),
        ], ["SCHED_NAME", "JOB_GROUP"]),
        new("FIRED_TRIGGERS",
        [
            SchedulerName, Name("ENTRY_ID", 140), TriggerName, TriggerGroup, Name("INSTANCE_NAME", 200), new("FIRED_TIME", Kind.BigInt),
            new("SCHED_TIME", Kind.BigInt), new("PRIORITY", Kind.Int), Name("STATE", 16), Name("JOB_NAME", 150, nullable: true),
            Name("JOB_GROUP", 150, nullable: true), new("IS_NONCONCURRENT", Kind.Bool, Nullable: true),
            new("REQUESTS_RECOVERY", Kind.Bool, Nullable: true), Name("EXECUTION_GROUP", 200, nullable: true),
            new("PROGRESS", Kind.Int, Nullable: true), Name("PROGRESS_MESSAGE", 250, nullable: true),
            new("INTERRUPT_REQUESTED_TIME", Kind.BigInt, Nullable: true),
        ], ["SCHED_NAME", "ENTRY_ID"]),
        new("SCHEDULER_STATE",
        [
            SchedulerName, Name("INSTANCE_NAME", 200), new("LAST_CHECKIN_TIME", Kind.BigInt), new("CHECKIN_INTERVAL", Kind.BigInt),
            Name("QUARTZ_VERSION", 20, nullable: true),
        ], ["SCHED_NAME", "INSTANCE_NAME"]),
        new("LOCKS", [SchedulerName, Name("LOCK_NAME", 40)], ["SCHED_NAME", "LOCK_NAME"]),
        new("EXECUTION_HISTORY",
        [
            SchedulerName, Name("ENTRY_ID", 140), Name("INSTANCE_NAME", 200), Name("JOB_NAME", 150), Name("JOB_GROUP", 150),
            TriggerName, TriggerGroup, new("FIRED_TIME", Kind.BigInt), new("RUN_TIME", Kind.BigInt), new("SUCCEEDED", Kind.Bool),
            Name("ERROR_MESSAGE", 1000, nullable: true), new("RETRY_ATTEMPT", Kind.Int, Default: "0"),
            new("RETRY_SCHEDULED", Kind.Bool, Default: "false"), new("EXECUTION_LOG", Kind.LongText, Nullable: true),
            new("RESULT", Kind.Int, Nullable: true), Name("SUMMARY", 1000, nullable: true), new("METRICS", Kind.LongText, Nullable: true),
            new("MANUAL", Kind.Bool, Nullable: true), Name("FIRE_INSTANCE_ID", 140, nullable: true),
            new("JOB_INPUT", Kind.LongText, Nullable: true), new("JOB_INPUT_TOO_LARGE", Kind.Bool, Nullable: true),
        ], ["SCHED_NAME", "ENTRY_ID"]),
        new("MISFIRE_HISTORY",
        [
            SchedulerName, Name("ENTRY_ID", 140), Name("INSTANCE_NAME", 200), TriggerName, TriggerGroup,
            Name("JOB_NAME", 150, nullable: true), Name("JOB_GROUP", 150, nullable: true), new("MISFIRE_TIME", Kind.BigInt),
            new("SCHED_TIME", Kind.BigInt, Nullable: true), new("REASON", Kind.Int, Nullable: true),
        ], ["SCHED_NAME", "ENTRY_ID"]),
        new("JOB_STATUS",
        [
            SchedulerName, Name("JOB_GROUP", 150), Name("JOB_NAME", 150), new("FIRST_FIRED_TIME", Kind.BigInt),
            new("LAST_FIRED_TIME", Kind.BigInt), new("LAST_RESULT", Kind.Int), new("LAST_RUN_TIME", Kind.BigInt),
            Name("LAST_INSTANCE_NAME", 200), Name("LAST_ENTRY_ID", 140, nullable: true), Name("LAST_SUMMARY", 1000, nullable: true),
            new("LAST_SUCCESS_TIME", Kind.BigInt, Nullable: true), new("LAST_FAILURE_TIME", Kind.BigInt, Nullable: true),
            Name("LAST_FAILURE_MESSAGE", 1000, nullable: true), new("CONSECUTIVE_FAILURES", Kind.Int, Default: "0"),
            new("RUN_COUNT", Kind.BigInt, Default: "0"), new("FAILURE_COUNT", Kind.BigInt, Default: "0"),
        ], ["SCHED_NAME", "JOB_GROUP", "JOB_NAME"]),
    ];

    private static readonly (string Name, string Table, string Columns)[] Indexes =
    [
        ("J_G_N", "JOB_DETAILS", "SCHED_NAME, JOB_GROUP, JOB_NAME"),
        ("T_J", "TRIGGERS", "SCHED_NAME, JOB_NAME, JOB_GROUP"),
        ("T_G_N", "TRIGGERS", "SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME"),
        ("T_C", "TRIGGERS", "SCHED_NAME, CALENDAR_NAME"),
        ("T_NFT_ST", "TRIGGERS", "SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME, PRIORITY DESC, MISFIRE_INSTR"),
        ("FT_INST_REC", "FIRED_TRIGGERS", "SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY"),
        ("FT_J_G", "FIRED_TRIGGERS", "SCHED_NAME, JOB_NAME, JOB_GROUP"),
        ("FT_T_G", "FIRED_TRIGGERS", "SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP"),
        ("EH_FIRED", "EXECUTION_HISTORY", "SCHED_NAME, FIRED_TIME"),
        ("EH_INST", "EXECUTION_HISTORY", "SCHED_NAME, INSTANCE_NAME"),
        ("EH_JOB", "EXECUTION_HISTORY", "SCHED_NAME, JOB_GROUP, JOB_NAME, FIRED_TIME"),
        ("EH_TRIG", "EXECUTION_HISTORY", "SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME, FIRED_TIME"),
        ("EH_FIRE_INST", "EXECUTION_HISTORY", "SCHED_NAME, FIRE_INSTANCE_ID"),
        ("MH_TIME", "MISFIRE_HISTORY", "SCHED_NAME, MISFIRE_TIME"),
        ("MH_INST", "MISFIRE_HISTORY", "SCHED_NAME, INSTANCE_NAME"),
    ];

    /// <summary>The statements that bring a database to the job store's layout; each one is safe to run again.</summary>
    public static IReadOnlyList<string> Statements(DatabaseProvider provider)
    {
        var postgres = provider == DatabaseProvider.Postgres;
        var statements = new List<string>();
        foreach (var table in Tables)
        {
            statements.Add(CreateTable(table, postgres));
        }

        // SQLite enforces ON DELETE CASCADE only with PRAGMA foreign_keys on, which the job store's connections do not
        // set: a trigger deletes a trigger's detail row with it, as Quartz's own SQLite layout does.
        if (!postgres)
        {
            foreach (var table in Tables.Where(t => t.ParentTrigger is not null))
            {
                statements.Add(
                    $"CREATE TRIGGER IF NOT EXISTS {TablePrefix}DELETE_{table.ParentTrigger}_TRIGGER DELETE ON {TablePrefix}TRIGGERS BEGIN " +
                    $"DELETE FROM {TablePrefix}{table.Name} WHERE SCHED_NAME = OLD.SCHED_NAME AND TRIGGER_NAME = OLD.TRIGGER_NAME AND TRIGGER_GROUP = OLD.TRIGGER_GROUP; END");
            }
        }

        foreach (var (name, table, columns) in Indexes)
        {
            statements.Add(Cased($"CREATE INDEX IF NOT EXISTS IDX_{TablePrefix}{name} ON {TablePrefix}{table} ({columns})", postgres));
        }

        return statements;
    }

    private static string CreateTable(Table table, bool postgres)
    {
        var sql = new StringBuilder($"CREATE TABLE IF NOT EXISTS {TablePrefix}{table.Name} (");
        foreach (var column in table.Columns)
        {
            sql.Append(column.Name).Append(' ').Append(TypeOf(column, postgres)).Append(column.Nullable ? " NULL" : " NOT NULL");
            if (column.Default is { } value)
            {
                sql.Append(" DEFAULT ").Append(postgres || value != "false" ? value : "0");
            }

            sql.Append(", ");
        }

        sql.Append("PRIMARY KEY (").AppendJoin(", ", table.Key).Append(')');
        if (table.Reference is { } reference)
        {
            sql.Append(", FOREIGN KEY (").AppendJoin(", ", reference.Columns).Append($") REFERENCES {TablePrefix}{reference.Table} (")
                .AppendJoin(", ", reference.Key).Append(')');
        }

        if (table.ParentTrigger is not null)
        {
            sql.Append($", FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES {TablePrefix}TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE");
        }

        return Cased(sql.Append(')').ToString(), postgres);
    }

    /// <summary>PostgreSQL folds unquoted names to lower case, which is how the Npgsql delegate's SQL reaches them.</summary>
    private static string Cased(string sql, bool postgres) => postgres ? sql.ToLowerInvariant() : sql;

    private static string TypeOf(Column column, bool postgres) => (column.Kind, postgres) switch
    {
        (Kind.Name, true) => column.Length > 200 ? "TEXT" : $"VARCHAR({column.Length})",
        (Kind.Name, false) => $"NVARCHAR({column.Length})",
        (Kind.LongText, _) => "TEXT",
        (Kind.BigInt, _) => "BIGINT",
        (Kind.Int, _) => "INTEGER",
        (Kind.SmallInt, true) => "SMALLINT",
        (Kind.SmallInt, false) => "INTEGER",
        (Kind.Bool, true) => "BOOL",
        (Kind.Bool, false) => "BIT",
        (Kind.Blob, true) => "BYTEA",
        (Kind.Blob, false) => "BLOB",
        (Kind.Decimal, _) => "NUMERIC",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>
    /// Creates whatever of the layout is missing, in one transaction. On PostgreSQL, <c>CREATE INDEX IF NOT EXISTS</c>
    /// locks its table before it finds the index there, so a running scheduler (this instance's, or another's in a
    /// cluster) firing a trigger at that moment can deadlock with it; PostgreSQL then aborts one side (40P01), and
    /// this side starts its transaction again.
    /// </summary>
    public static async Task EnsureAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EnsureOnceAsync(provider, connectionString, cancellationToken);
                return;
            }
            catch (System.Data.Common.DbException e) when (e.SqlState == "40P01" && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
        }
    }

    private static async Task EnsureOnceAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = Open(provider, connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in Statements(provider))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The tables the layout names that the database lacks (none once <see cref="EnsureAsync"/> has run).</summary>
    public static async Task<IReadOnlyList<string>> MissingTablesAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = Open(provider, connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Postgres
            ? "SELECT upper(table_name) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'qrtz\\_%'"
            : "SELECT upper(name) FROM sqlite_master WHERE type = 'table' AND name LIKE 'QRTZ\\_%' ESCAPE '\\'";
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                present.Add(reader.GetString(0));
            }
        }

        return [.. Tables.Select(t => TablePrefix + t.Name).Where(t => !present.Contains(t))];
    }

    private static DbConnection Open(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(connectionString)
        : new SqliteConnection(connectionString);
}
