using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>Takes the next ticket number from the <see cref="TicketCounter"/> row, the same way on SQLite and PostgreSQL.</summary>
internal static class TicketNumbers
{
    /// <summary>
    /// Increments the counter and returns the new number; call it inside the transaction that saves the ticket, which
    /// holds the row's lock until it commits (a rollback gives the number back). The row is created on first use,
    /// after the highest number already given (1000 when there are no tickets).
    /// </summary>
    public static Task<long> NextAsync(SupportDbContext db, CancellationToken cancellationToken) => NextAsync(db, 1, cancellationToken);

    /// <summary>Takes <paramref name="count"/> numbers at once, as <see cref="NextAsync(SupportDbContext, CancellationToken)"/> takes one; returns the last.</summary>
    public static async Task<long> NextAsync(SupportDbContext db, int count, CancellationToken cancellationToken)
    {
        // SQLite needs the WHERE to read ON CONFLICT as the upsert clause of an INSERT ... SELECT.
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO support_ticket_counters ("Id", "LastNumber")
            SELECT 1, COALESCE(MAX("Number"), 1000) FROM support_tickets WHERE TRUE
            ON CONFLICT ("Id") DO NOTHING
            """,
            cancellationToken);
        var next = await db.Database.SqlQuery<long>(
            $"""
            UPDATE support_ticket_counters SET "LastNumber" = "LastNumber" + {count} WHERE "Id" = 1 RETURNING "LastNumber" AS "Value"
            """).ToListAsync(cancellationToken);
        return next[0];
    }
}
