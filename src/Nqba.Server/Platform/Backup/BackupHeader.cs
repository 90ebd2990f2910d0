namespace Nqba.Server.Platform.Backup;

/// <summary>What a backup file says about itself (stored unencrypted but authenticated).</summary>
public sealed record BackupHeader(
    int FormatVersion,
    DateTime CreatedAt,
    string Provider,
    long PlaintextBytes,
    string PlaintextSha256,
    IReadOnlyDictionary<string, long> RowCounts);
