namespace Nqba.Server.Platform.Backup;

/// <summary>The backups of one residency zone's store, kept in a folder of that zone.</summary>
/// <param name="Zone">The residency zone.</param>
/// <param name="Configured">The zone has a backup folder; false for a PostgreSQL store without <c>BackupDirectory</c>.</param>
/// <param name="Count">Backups kept in its folder.</param>
/// <param name="TotalBytes">Their size together.</param>
/// <param name="NewestBackup">The newest one's file name.</param>
/// <param name="NewestAt">When it was taken.</param>
/// <param name="NewestAge">How old it is now.</param>
public sealed record ZoneBackupStatus(string Zone, bool Configured, int Count, long TotalBytes, string? NewestBackup, DateTime? NewestAt, TimeSpan? NewestAge);
