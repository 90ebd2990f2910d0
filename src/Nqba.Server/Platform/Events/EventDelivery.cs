namespace Nqba.Server.Platform.Events;

/// <summary>
/// One subscriber's delivery of one event: the dispatcher records it after each attempt, so a subscriber that
/// succeeded is never run again for that event when another fails, and a subscriber that keeps failing is parked
/// (a dead letter) after <see cref="EventsOptions.MaxAttempts"/> attempts until staff replay it.
/// </summary>
internal sealed class EventDelivery
{
    /// <summary>The event's row in the log (<see cref="StoredEvent.Id"/>).</summary>
    public long EventId { get; set; }

    /// <summary>The subscriber's stable name: its type's full name.</summary>
    public required string Subscriber { get; set; }

    public int Attempts { get; set; }

    public DateTime LastAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>Set when the subscriber failed its last allowed attempt; cleared by a replay.</summary>
    public DateTime? ParkedAt { get; set; }

    /// <summary>The last failure's exception type and message (staff-only; never shown on a public page).</summary>
    public string? LastError { get; set; }

    public bool IsSettled => DeliveredAt is not null || ParkedAt is not null;
}
