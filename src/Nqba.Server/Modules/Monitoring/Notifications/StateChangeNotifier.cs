using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>Notifies the channels that follow a component when its state changes, and of manual and predicted incidents.</summary>
internal sealed class StateChangeNotifier(MonitoringDbContext db, WebhookSender sender) : IEventSubscriber<ComponentStateChanged>, IEventSubscriber<IncidentOpened>
{
    public static string Color(ServiceState state) => state switch
    {
        ServiceState.Up => "#2ea44f",
        ServiceState.Degraded => "#dfb317",
        ServiceState.Down => "#e05d44",
        ServiceState.Maintenance => "#1f6feb",
        ServiceState.Pending => "#fe7d37",
        _ => "#9f9f9f",
    };

    public async Task HandleAsync(ComponentStateChanged domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var e = domainEvent;
        var notice = new Notice(
            $"{e.ComponentName} is {e.To.ToString().ToUpperInvariant()} (was {e.From})",
            $"{e.ComponentName}: {e.From} → {e.To}",
            e.Reason,
            Color(e.To),
            new Dictionary<string, string> { ["Component"] = e.ComponentName, ["State"] = e.To.ToString(), ["Since"] = e.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture) },
            new { @event = "component.state_changed", component = e.ComponentKey, from = e.From.ToString(), to = e.To.ToString(), at = e.At, reason = e.Reason },
            e.At);
        foreach (var channel in await ChannelsForAsync([e.ComponentId], cancellationToken))
        {
            await sender.SendAsync(db, channel, channel.Target, e.ComponentId, "state", notice, cancellationToken);
        }
    }

    public async Task HandleAsync(IncidentOpened domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        // Automatic incidents are announced by the state change that opened them.
        if (domainEvent.Automatic)
        {
            return;
        }

        var e = domainEvent;
        var names = await db.Components.Where(c => e.ComponentIds.Contains(c.Id)).Select(c => c.Name).ToListAsync(cancellationToken);
        var label = e.Predicted ? "Predicted" : "Incident";
        var notice = new Notice(
            $"[{label}] {e.Title}",
            e.Title,
            string.Join(", ", names),
            e.Predicted ? "#6e40c9" : "#e05d44",
            new Dictionary<string, string> { ["Components"] = string.Join(", ", names), ["Kind"] = label },
            new { @event = "incident.opened", incident = e.IncidentId, title = e.Title, predicted = e.Predicted, at = e.OpenedAt },
            e.OpenedAt);
        foreach (var channel in await ChannelsForAsync(e.ComponentIds, cancellationToken))
        {
            await sender.SendAsync(db, channel, channel.Target, e.ComponentIds.Count > 0 ? e.ComponentIds[0] : null, e.Predicted ? "predicted" : "incident", notice, cancellationToken);
        }
    }

    private async Task<List<NotificationChannel>> ChannelsForAsync(IReadOnlyList<Guid> componentIds, CancellationToken cancellationToken) =>
        (await db.Channels.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken))
            .Where(c => c.ComponentIds.Count == 0 || c.ComponentIds.Intersect(componentIds).Any()).ToList();
}
