namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>One notification sent (or attempted): the log behind repeats and escalations.</summary>
internal sealed class NotificationDelivery
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public Guid? ComponentId { get; set; }

    /// <summary>What was sent: <c>state</c>, <c>repeat</c>, <c>escalation</c>, <c>incident</c>.</summary>
    public required string Kind { get; set; }

    public required string Text { get; set; }

    public bool Succeeded { get; set; }

    public string? Detail { get; set; }

    public DateTime At { get; set; }
}
