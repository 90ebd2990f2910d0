namespace Nqba.Server.Platform.Audit;

/// <summary>An audit entry as the API and the JSON-lines export show it.</summary>
public sealed record AuditEntryDto(
    long Sequence, DateTime Timestamp, string? ActorId, string ActorName, string Action, string? EntityType, string? EntityId,
    Guid? OrganizationId, string? Before, string? After, string? IpAddress, string PreviousHash, string Hash)
{
    internal static AuditEntryDto From(AuditEntry e) =>
        new(e.Sequence, e.Timestamp, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.OrganizationId, e.Before, e.After, e.IpAddress, e.PreviousHash, e.Hash);
}
