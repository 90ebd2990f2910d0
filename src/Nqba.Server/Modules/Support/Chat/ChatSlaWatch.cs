using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// Publishes <see cref="SlaWarning"/> and <see cref="SlaBreached"/> for live chats whose first-response clock (a
/// visitor waiting for an agent) has reached 80 % or 100 % of its target. Each event is claimed by a conditional
/// update of the conversation (its warned/breached instant, set only while empty) in the same transaction as the
/// event: an instance that loses the race updates nothing and publishes nothing.
/// </summary>
internal sealed class ChatSlaWatch(SupportChatDbContext db)
{
    private const int Batch = 200;

    public async Task<int> CheckAsync(DateTime now, CancellationToken cancellationToken)
    {
        var published = 0;
        var warnings = await db.Conversations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.FirstResponseWarnAt <= now && c.SlaWarnedAt == null)
            .OrderBy(c => c.FirstResponseWarnAt)
            .Select(c => new { c.Id, c.OrganizationId, c.FirstResponseDueAt })
            .Take(Batch).ToListAsync(cancellationToken);
        foreach (var c in warnings)
        {
            var warning = new SlaWarning(null, c.OrganizationId, SlaClockKind.FirstResponse, TicketPriority.Normal, null, null, c.FirstResponseDueAt ?? now, now, c.Id);
            published += await PublishOnceAsync(c.Id, isWarning: true, warning, now, cancellationToken) ? 1 : 0;
        }

        var breaches = await db.Conversations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.FirstResponseDueAt <= now && c.SlaBreachedAt == null)
            .OrderBy(c => c.FirstResponseDueAt)
            .Select(c => new { c.Id, c.OrganizationId, c.FirstResponseDueAt })
            .Take(Batch).ToListAsync(cancellationToken);
        foreach (var c in breaches)
        {
            var breach = new SlaBreached(null, c.OrganizationId, SlaClockKind.FirstResponse, TicketPriority.Normal, null, null, c.FirstResponseDueAt!.Value, now, c.Id);
            published += await PublishOnceAsync(c.Id, isWarning: false, breach, now, cancellationToken) ? 1 : 0;
        }

        return published;
    }

    private async Task<bool> PublishOnceAsync(Guid id, bool isWarning, IDomainEvent domainEvent, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = isWarning
            ? await db.Conversations.IgnoreQueryFilters().Where(c => c.Id == id && c.SlaWarnedAt == null && c.FirstResponseWarnAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SlaWarnedAt, now), cancellationToken)
            : await db.Conversations.IgnoreQueryFilters().Where(c => c.Id == id && c.SlaBreachedAt == null && c.FirstResponseDueAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SlaBreachedAt, now), cancellationToken);
        if (claimed == 0)
        {
            // Another instance published it, or an agent accepted the chat since it was read.
            return false;
        }

        db.Publish(domainEvent, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
