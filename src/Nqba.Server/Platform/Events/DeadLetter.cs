namespace Nqba.Server.Platform.Events;

/// <summary>A parked delivery as staff see it: which event, which subscriber, how often it failed and why.</summary>
/// <param name="EventId">The event's row in the log; with <paramref name="Subscriber"/>, what a replay names.</param>
/// <param name="EventKey">The event's global id (idempotency key for subscribers).</param>
/// <param name="Type">The event type's name.</param>
/// <param name="OccurredAt">When the event happened (UTC).</param>
/// <param name="Subscriber">The subscriber's name.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="ParkedAt">When the last allowed attempt failed (UTC).</param>
/// <param name="LastError">The last failure's exception type and message.</param>
public sealed record DeadLetter(
    long EventId, Guid EventKey, string Type, DateTime OccurredAt, string Subscriber, int Attempts, DateTime ParkedAt, string? LastError);
