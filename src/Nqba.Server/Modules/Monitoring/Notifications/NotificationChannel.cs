namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>Where state changes and incidents are sent, with repeat and escalation settings.</summary>
internal sealed class NotificationChannel
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public ChannelKind Kind { get; set; }

    /// <summary>Webhook URL or e-mail address.</summary>
    public required string Target { get; set; }

    /// <summary>Components this channel hears about; empty = all.</summary>
    public List<Guid> ComponentIds { get; set; } = [];

    /// <summary>Repeat a down notification every so many minutes while the component stays down; null = once.</summary>
    public int? RepeatMinutes { get; set; }

    /// <summary>When a component is still down after this many minutes, also notify <see cref="EscalationTarget"/>.</summary>
    public int? EscalateAfterMinutes { get; set; }

    public string? EscalationTarget { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
