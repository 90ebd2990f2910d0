using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>
/// E-mails the status page's subscribers of a component when it changes state and when an incident affecting it
/// is opened by hand or resolved. Predicted warnings stay internal. Each e-mail carries its unsubscribe link.
/// </summary>
internal sealed class NotifyStatusSubscribers(MonitoringDbContext db, IEmailSender email, PublicLinks links)
    : IEventSubscriber<ComponentStateChanged>, IEventSubscriber<IncidentOpened>, IEventSubscriber<IncidentResolved>
{
    public Task HandleAsync(ComponentStateChanged domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        SendAsync(
            [domainEvent.ComponentId],
            $"[Status] {domainEvent.ComponentName} is {Describe(domainEvent.To)}",
            // Subscribers are the public: the check's raw message (addresses, errors) stays in the staff's check history.
            $"{domainEvent.ComponentName} changed from {Describe(domainEvent.From)} to {Describe(domainEvent.To)} at {domainEvent.At:u}.",
            cancellationToken);

    public Task HandleAsync(IncidentOpened domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        domainEvent.Automatic || domainEvent.Predicted
            ? Task.CompletedTask
            : SendAsync(domainEvent.ComponentIds, $"[Incident] {domainEvent.Title}", $"We are investigating: {domainEvent.Title} (opened {domainEvent.OpenedAt:u}).", cancellationToken);

    public async Task HandleAsync(IncidentResolved domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        // The event does not say whether a predicted warning was resolved; its opening was never sent, so neither is this.
        if (await db.Incidents.AsNoTracking().AnyAsync(i => i.Id == domainEvent.IncidentId && i.Origin == IncidentOrigin.Predicted, cancellationToken))
        {
            return;
        }

        await SendAsync(domainEvent.ComponentIds, $"[Resolved] {domainEvent.Title}", $"Resolved at {domainEvent.ResolvedAt:u}: {domainEvent.Title}.", cancellationToken);
    }

    private static string Describe(ServiceState state) => state switch
    {
        ServiceState.Up => "operational",
        ServiceState.Degraded => "degraded",
        ServiceState.Down => "down",
        ServiceState.Maintenance => "under maintenance",
        _ => "unknown",
    };

    private async Task SendAsync(IReadOnlyList<Guid> componentIds, string subject, string text, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => componentIds.Contains(s.ComponentId)).ToListAsync(cancellationToken);
        var statusPage = links.To("/status");
        foreach (var subscription in subscriptions.DistinctBy(s => (s.EmailHash, s.ComponentId)))
        {
            var unsubscribe = links.To($"/status/unsubscribe?token={subscription.UnsubscribeToken}");
            await email.SendAsync(
                new EmailMessage(subscription.Email, subject, $"{text}\n\nStatus page: {statusPage}\nUnsubscribe: {unsubscribe}"),
                cancellationToken);
        }
    }
}
