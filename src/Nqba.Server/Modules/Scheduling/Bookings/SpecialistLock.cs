using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// Serializes writes to one specialist's calendar across every instance, in the database: a transaction-scoped
/// PostgreSQL advisory lock keyed by the specialist, or SQLite's single writer (EF opens SQLite transactions with
/// BEGIN IMMEDIATE, which takes the database's write lock). Inside it, availability is re-checked against what is
/// committed, so two clients racing for one slot get one booking and one conflict. The lock ends with the
/// transaction, also when an instance dies.
/// </summary>
internal static class SpecialistLock
{
    public static async Task<IDbContextTransaction> BeginAsync(DbContext db, Guid specialistId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            var key = BitConverter.ToInt64(specialistId.ToByteArray(), 0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }

        return transaction;
    }
}
