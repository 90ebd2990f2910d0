using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL syncs at checkpoints instead of at every
/// commit: a crash of the process loses nothing; a power cut may lose the last commits but never corrupts.
/// <c>Database:SqliteSynchronous=Full</c> restores a sync per commit. A busy timeout lets SQLite wait for the
/// write lock with its own short back-off instead of failing back to the driver, which retries only every 150 ms.
/// </summary>
internal sealed class SqlitePragmaInterceptor(string synchronous) : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Normal = new("NORMAL");

    public static readonly SqlitePragmaInterceptor Full = new("FULL");

    private readonly string _pragmas = $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
        }
    }
}
