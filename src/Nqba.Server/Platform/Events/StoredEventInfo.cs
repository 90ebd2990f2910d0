namespace Nqba.Server.Platform.Events;

/// <summary>Where an event sits in the log, passed to handlers with the event.</summary>
public sealed record StoredEventInfo(long Sequence, Guid EventId, string Type, DateTime OccurredAt);
