namespace Nqba.Server.Platform.Backup;

/// <summary>A backup file in the backup folder.</summary>
public sealed record BackupInfo(string Path, string Name, DateTime CreatedAt, long Bytes);
