using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Jobs;

namespace Nqba.Server.Platform.Events;

/// <summary>The parked deliveries (dead letters): listed for staff, and replayed one subscriber at a time.</summary>
internal sealed class DeadLetters(PlatformDbContext db, JobTrigger<OutboxDispatchJob> dispatch, IAuditLedger audit)
{
    public Task<List<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken) =>
        (from d in db.EventDeliveries.AsNoTracking()
         join e in db.Events.AsNoTracking() on d.EventId equals e.Id
         where d.ParkedAt != null
         orderby d.ParkedAt descending, d.EventId descending
         select new DeadLetter(e.Id, e.EventId, e.Type, e.OccurredAt, d.Subscriber, d.Attempts, d.ParkedAt!.Value, d.LastError))
        .Take(Math.Clamp(limit, 1, 1000))
        .ToListAsync(cancellationToken);

    /// <summary>
    /// Gives a parked subscriber a fresh set of attempts at its event. Only that subscriber runs again: the event's
    /// other subscribers have their delivery recorded and are skipped. Of two staff replaying at once, one wins.
    /// </summary>
    public async Task<Error?> ReplayAsync(long eventId, string subscriber, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var reset = await db.EventDeliveries
            .Where(d => d.EventId == eventId && d.Subscriber == subscriber && d.ParkedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ParkedAt, (DateTime?)null).SetProperty(d => d.Attempts, 0), cancellationToken);
        if (reset == 0)
        {
            return await db.EventDeliveries.AnyAsync(d => d.EventId == eventId && d.Subscriber == subscriber, cancellationToken)
                ? Error.Conflict($"The delivery of event {eventId} to {subscriber} is not parked (it was delivered, or replayed already).")
                : Error.NotFound("Dead letter", $"{eventId}/{subscriber}");
        }

        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.DispatchedAt, (DateTime?)null).SetProperty(e => e.ClaimedUntil, (DateTime?)null).SetProperty(e => e.Attempts, 0),
            cancellationToken);
        audit.Stage(db, new AuditRecord("platform.event.replayed", "event", eventId.ToString(System.Globalization.CultureInfo.InvariantCulture), After: new { subscriber }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        dispatch.Notify();
        return null;
    }
}
