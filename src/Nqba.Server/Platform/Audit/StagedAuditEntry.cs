namespace Nqba.Server.Platform.Audit;

/// <summary>
/// An audit record written in the same transaction as the change it describes (the audit outbox,
/// <c>platform_audit_outbox</c>). The ledger moves it into the hash chain once that transaction has committed, so a
/// committed change always has its entry and a rolled-back one never does.
/// </summary>
internal sealed class StagedAuditEntry
{
    /// <summary>Assigned by the database; the ledger chains staged entries in this order.</summary>
    public long Id { get; set; }

    /// <summary>When the change was made: the chained entry's timestamp.</summary>
    public DateTime RecordedAt { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public Guid? OrganizationId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? IpAddress { get; set; }
}
