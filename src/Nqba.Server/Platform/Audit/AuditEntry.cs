namespace Nqba.Server.Platform.Audit;

/// <summary>
/// One entry of the append-only audit ledger. <see cref="Hash"/> is SHA-256 over the previous entry's hash and
/// this entry's canonical content, so editing or deleting any entry breaks the chain from there on.
/// </summary>
internal sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTime Timestamp { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public Guid? OrganizationId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string? IpAddress { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
