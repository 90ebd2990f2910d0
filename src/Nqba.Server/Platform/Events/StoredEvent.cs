namespace Nqba.Server.Platform.Events;

/// <summary>One row of the event log (the outbox): the event's type and JSON payload, plus dispatch state.</summary>
internal sealed class StoredEvent
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public required string Type { get; set; }

    public required string Payload { get; set; }

    public Guid? OrganizationId { get; set; }

    public DateTime OccurredAt { get; set; }

    public DateTime? DispatchedAt { get; set; }

    /// <summary>An instance that is dispatching the event holds it until this time (several instances may poll).</summary>
    public DateTime? ClaimedUntil { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
