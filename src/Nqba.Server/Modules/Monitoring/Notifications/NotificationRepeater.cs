using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;

namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>
/// Repeats "still down" notifications every channel's <c>RepeatMinutes</c> and escalates to its escalation
/// target once a component has been down for <c>EscalateAfterMinutes</c>; the delivery log is the memory.
/// </summary>
internal sealed class NotificationRepeater(IServiceScopeFactory scopes, WebhookSender sender)
{
    public async Task RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var channels = await db.Channels.AsNoTracking().Where(c => c.Enabled && (c.RepeatMinutes != null || c.EscalateAfterMinutes != null)).ToListAsync(cancellationToken);
        if (channels.Count == 0)
        {
            return;
        }

        var down = await db.Components.AsNoTracking().Where(c => c.State == ServiceState.Down).ToListAsync(cancellationToken);
        foreach (var channel in channels)
        {
            foreach (var component in down.Where(c => channel.ComponentIds.Count == 0 || channel.ComponentIds.Contains(c.Id)))
            {
                var since = component.StateSince;
                var deliveries = await db.Deliveries.AsNoTracking()
                    .Where(d => d.ChannelId == channel.Id && d.ComponentId == component.Id && d.At >= since)
                    .Select(d => new { d.Kind, d.At }).ToListAsync(cancellationToken);
                var minutes = (now - since).TotalMinutes;
                var notice = new Notice(
                    $"{component.Name} is still DOWN ({minutes:F0} min)",
                    $"{component.Name}: down for {minutes:F0} min",
                    null,
                    StateChangeNotifier.Color(ServiceState.Down),
                    new Dictionary<string, string> { ["Component"] = component.Name, ["Down since"] = since.ToString("u", System.Globalization.CultureInfo.InvariantCulture) },
                    new { @event = "component.still_down", component = component.Key, since, minutes = Math.Round(minutes) },
                    now);
                if (channel.RepeatMinutes is { } repeat)
                {
                    var last = deliveries.Count > 0 ? deliveries.Max(d => d.At) : since;
                    if ((now - last).TotalMinutes >= repeat)
                    {
                        await sender.SendAsync(db, channel, channel.Target, component.Id, "repeat", notice, cancellationToken);
                    }
                }

                if (channel.EscalateAfterMinutes is { } escalate && channel.EscalationTarget is { } target
                    && minutes >= escalate && !deliveries.Any(d => d.Kind == "escalation"))
                {
                    await sender.SendAsync(db, channel, target, component.Id, "escalation", notice with { Text = "[Escalation] " + notice.Text }, cancellationToken);
                }
            }
        }
    }
}
