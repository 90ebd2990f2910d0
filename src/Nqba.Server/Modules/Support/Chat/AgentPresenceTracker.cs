using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat.Persistence;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>Records which agent consoles are connected (see <see cref="AgentPresence"/>).</summary>
internal sealed class AgentPresenceTracker(SupportChatDbContext db, TimeProvider time)
{
    public async Task ConnectedAsync(string connectionId, string userId, string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.Presence.Add(new AgentPresence { ConnectionId = connectionId, UserId = userId, Name = name, ConnectedAt = now, LastSeenAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SeenAsync(string connectionId, string userId, string name, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.Presence.Where(p => p.ConnectionId == connectionId).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastSeenAt, now), cancellationToken) == 0)
        {
            await ConnectedAsync(connectionId, userId, name, cancellationToken);
        }
    }

    public Task DisconnectedAsync(string connectionId, CancellationToken cancellationToken) =>
        db.Presence.Where(p => p.ConnectionId == connectionId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Removes rows of consoles that vanished without disconnecting (a crashed instance).</summary>
    public Task<int> PurgeAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - olderThan;
        return db.Presence.Where(p => p.LastSeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
