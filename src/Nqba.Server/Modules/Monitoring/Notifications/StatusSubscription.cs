namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>Someone subscribed by e-mail on the public status page to a component's changes.</summary>
internal sealed class StatusSubscription
{
    public Guid Id { get; set; }

    public required string Email { get; set; }

    public Guid ComponentId { get; set; }

    public DateTime CreatedAt { get; set; }
}
