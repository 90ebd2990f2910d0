namespace Nqba.Server.Platform.Backup;

/// <summary>What a backup file says about itself (stored unencrypted but authenticated). <c>Zone</c>: the residency zone whose store it holds; null for the main database.</summary>
public sealed record BackupHeader(
    int FormatVersion,
    DateTime CreatedAt,
    string Provider,
    long PlaintextBytes,
    string PlaintextSha256,
    IReadOnlyDictionary<string, long> RowCounts,
    string? Zone = null);
