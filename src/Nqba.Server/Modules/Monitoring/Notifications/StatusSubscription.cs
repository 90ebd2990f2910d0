using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>
/// Someone subscribed by e-mail on the public status page to a component's changes. The address is encrypted
/// (found by its keyed hash); every e-mail carries an unsubscribe link with <see cref="UnsubscribeToken"/>.
/// </summary>
internal sealed class StatusSubscription : IOrganizationOwned
{
    public Guid Id { get; set; }

    [Encrypted]
    public required string Email { get; set; }

    public string? EmailHash { get; set; }

    public string? UnsubscribeToken { get; set; }

    public Guid ComponentId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Visitors of the public page: encrypted under the platform's key.</summary>
    public Guid? OwnerOrganizationId => null;
}
