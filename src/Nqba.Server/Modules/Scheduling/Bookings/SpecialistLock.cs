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
    public static Task<IDbContextTransaction> BeginAsync(DbContext db, Guid specialistId, CancellationToken cancellationToken) =>
        BeginAsync(db, [specialistId], cancellationToken);

    /// <summary>
    /// Locks several specialists' calendars (a collective meeting's hosts) in one transaction, always in the order of
    /// their keys, so two writers that need overlapping sets cannot wait on each other in a circle.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(DbContext db, IEnumerable<Guid> specialistIds, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            foreach (var key in specialistIds.Select(id => BitConverter.ToInt64(id.ToByteArray(), 0)).Distinct().Order())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
            }
        }

        return transaction;
    }
}
