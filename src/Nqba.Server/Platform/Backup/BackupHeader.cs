namespace Nqba.Server.Platform.Backup;

/// <summary>
/// What a backup file says about itself (stored unencrypted but authenticated). <c>Zone</c>: the residency zone whose
/// store it holds; null for the main database. <c>AuditAnchor</c>: the audit anchor when the backup was taken (main
/// database only), which the backup's ledger must reach unchanged; null in backups taken before anchors.
/// </summary>
public sealed record BackupHeader(
    int FormatVersion,
    DateTime CreatedAt,
    string Provider,
    long PlaintextBytes,
    string PlaintextSha256,
    IReadOnlyDictionary<string, long> RowCounts,
    string? Zone = null,
    Audit.AuditAnchor? AuditAnchor = null);
