using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>The one way notification channels change: create one (webhook or e-mail, for some or all components) or delete it; each audited in the same save.</summary>
internal sealed class NotificationChannels(MonitoringDbContext db, IAuditLedger audit, TimeProvider time)
{
    /// <summary>Creates a channel: a webhook needs an http(s) URL, an e-mail channel an address, escalation a target of the channel's kind.</summary>
    public async Task<Result<ChannelDto>> CreateAsync(ChannelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var keys = await db.Components.ToDictionaryAsync(c => c.Key, c => c.Id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var unknown = (request.Components ?? []).Where(k => !keys.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            errors["components"] = [$"Unknown component(s): {string.Join(", ", unknown)}."];
        }

        if (request.Kind == ChannelKind.Webhook && !IsHttpUrl(request.Target))
        {
            errors["target"] = ["A webhook needs an absolute http(s) URL."];
        }

        if (request.Kind == ChannelKind.Email && !new EmailAddressAttribute().IsValid(request.Target))
        {
            errors["target"] = ["An e-mail channel needs an e-mail address."];
        }

        if (request.EscalateAfterMinutes is not null && (request.EscalationTarget is null || (request.Kind == ChannelKind.Webhook && !IsHttpUrl(request.EscalationTarget))))
        {
            errors["escalationTarget"] = ["Escalation needs a target of the channel's kind."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var channel = new NotificationChannel
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name,
            Kind = request.Kind,
            Target = request.Target,
            ComponentIds = [.. (request.Components ?? []).Distinct(StringComparer.Ordinal).Select(k => keys[k])],
            RepeatMinutes = request.RepeatMinutes,
            EscalateAfterMinutes = request.EscalateAfterMinutes,
            EscalationTarget = request.EscalationTarget,
            Enabled = request.Enabled,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Channels.Add(channel);
        audit.Stage(db, new AuditRecord("monitoring.channel.created", "NotificationChannel", channel.Id.ToString(), After: new { request.Name, Kind = request.Kind.ToString() }));
        await db.SaveChangesAsync(cancellationToken);
        return ChannelDto.From(channel, keys.ToDictionary(p => p.Value, p => p.Key));
    }

    /// <summary>Deletes a notification channel.</summary>
    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return Error.NotFound("Notification channel", id);
        }

        db.Channels.Remove(channel);
        audit.Stage(db, new AuditRecord("monitoring.channel.deleted", "NotificationChannel", id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
