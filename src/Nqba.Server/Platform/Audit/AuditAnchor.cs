namespace Nqba.Server.Platform.Audit;

/// <summary>A point the audit chain must reach unchanged: an entry's sequence number and hash, and when it was anchored.</summary>
public sealed record AuditAnchor(long Sequence, string Hash, DateTime AnchoredAt);
