using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>
/// E-mails the status page's subscribers of a component when it changes state and when an incident affecting it
/// is opened by hand or resolved. Predicted warnings stay internal. Each e-mail carries its unsubscribe link.
/// Subscribers store no language: the mails are in the default culture.
/// </summary>
internal sealed class NotifyStatusSubscribers(MonitoringDbContext db, INotificationService notifications)
    : IEventSubscriber<ComponentStateChanged>, IEventSubscriber<IncidentOpened>, IEventSubscriber<IncidentResolved>
{
    public Task HandleAsync(ComponentStateChanged domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync([domainEvent.ComponentId], token => new StatusMailModel(StatusMailKind.StateChanged, domainEvent.ComponentName, domainEvent.At, token, domainEvent.From, domainEvent.To), cancellationToken);

    public Task HandleAsync(IncidentOpened domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        domainEvent.Automatic || domainEvent.Predicted
            ? Task.CompletedTask
            : SendAsync(domainEvent.ComponentIds, token => new StatusMailModel(StatusMailKind.IncidentOpened, domainEvent.Title, domainEvent.OpenedAt, token), cancellationToken);

    public async Task HandleAsync(IncidentResolved domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        // The event does not say whether a predicted warning was resolved; its opening was never sent, so neither is this.
        if (await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == domainEvent.IncidentId && i.Origin == IncidentOrigin.Predicted, cancellationToken))
        {
            return;
        }

        await SendAsync(domainEvent.ComponentIds, token => new StatusMailModel(StatusMailKind.IncidentResolved, domainEvent.Title, domainEvent.ResolvedAt, token), cancellationToken);
    }

    private async Task SendAsync(IReadOnlyList<Guid> componentIds, Func<string, StatusMailModel> model, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => componentIds.Contains(s.ComponentId)).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions.DistinctBy(s => (s.EmailHash, s.ComponentId)))
        {
            await notifications.SendAsync<StatusMail, StatusMailModel>(new(subscription.Email, null, model(subscription.UnsubscribeToken ?? string.Empty)), cancellationToken);
        }
    }
}
