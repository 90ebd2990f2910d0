using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Notifications;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Monitoring.StatusPage;

/// <summary>The one way the status page's e-mail subscriptions change: subscribe an address to a component, unsubscribe by the link's token.</summary>
internal sealed class StatusSubscriptions(MonitoringDbContext db, FieldProtector protector, TimeProvider time)
{
    /// <summary>Subscribes the address to the component's status e-mails; subscribing again changes nothing.</summary>
    public async Task<Result<bool>> SubscribeAsync(string email, string componentKey, CancellationToken cancellationToken)
    {
        if (!new EmailAddressAttribute().IsValid(email) || email.Length > 320)
        {
            return Error.Validation("email", "Enter a valid e-mail address.");
        }

        var componentId = await db.Components.Where(c => c.Key == componentKey).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (componentId is null)
        {
            return Error.Validation("component", $"No component with key '{componentKey}'.");
        }

        var normalized = email.Trim().ToLowerInvariant();
        var hash = await protector.SearchHashAsync(normalized, cancellationToken);
        if (!await db.Subscriptions.AnyAsync(s => s.ComponentId == componentId && s.EmailHash == hash, cancellationToken))
        {
            db.Subscriptions.Add(new StatusSubscription
            {
                Id = Guid.CreateVersion7(),
                Email = normalized,
                EmailHash = hash,
                UnsubscribeToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                ComponentId = componentId.Value,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Removes the subscription whose unsubscribe link carries <paramref name="token"/>.</summary>
    public async Task<Result<bool>> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || await db.Subscriptions.FirstOrDefaultAsync(s => s.UnsubscribeToken == token, cancellationToken) is not { } subscription)
        {
            return Error.NotFound("Subscription", token ?? string.Empty);
        }

        db.Subscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
