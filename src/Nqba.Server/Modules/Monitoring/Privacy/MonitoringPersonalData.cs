using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Privacy;

namespace Nqba.Server.Modules.Monitoring.Privacy;

/// <summary>
/// Status-page subscriptions for privacy requests: exported, deleted on erasure, re-addressed on rectification. The
/// retention purge (<c>monitoring.subscriptions</c>) removes subscriptions older than the cutoff; the visitor may
/// subscribe again.
/// </summary>
internal sealed class MonitoringPersonalData(MonitoringDbContext db) : IPersonalDataSource, IRetentionPolicy
{
    public string Name => "monitoring";

    public string Category => "monitoring.subscriptions";

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.EmailHash is null)
        {
            return [];
        }

        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.EmailHash == subject.EmailHash).ToListAsync(cancellationToken);
        var components = await db.Components.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Key, cancellationToken);
        return subscriptions.ConvertAll(s => new PersonalDataRecord("status-subscription", s.Id.ToString(), new
        {
            s.Email,
            component = components.GetValueOrDefault(s.ComponentId),
            s.CreatedAt,
        }));
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken) =>
        subject.EmailHash is null ? 0 : await db.Subscriptions.Where(s => s.EmailHash == subject.EmailHash).ExecuteDeleteAsync(cancellationToken);

    public async Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken)
    {
        if (subject.EmailHash is null || correction is not { Email: { } email, EmailHash: { } hash })
        {
            return 0;
        }

        var subscriptions = await db.Subscriptions.Where(s => s.EmailHash == subject.EmailHash).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            subscription.Email = email;
            subscription.EmailHash = hash;
        }

        await db.SaveChangesAsync(cancellationToken);
        return subscriptions.Count;
    }

    public async Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken) =>
        await db.Subscriptions.Where(s => s.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
}
