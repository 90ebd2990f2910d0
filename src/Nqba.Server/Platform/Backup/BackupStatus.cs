namespace Nqba.Server.Platform.Backup;

/// <summary>The state of the backups against the recovery objectives, as the compliance page shows it.</summary>
/// <param name="ScheduleEnabled">Backups are taken on schedule by this instance's configuration.</param>
/// <param name="Count">Backups kept in the backup folder.</param>
/// <param name="TotalBytes">Their size together.</param>
/// <param name="NewestBackup">The newest backup's file name.</param>
/// <param name="NewestAt">When it was taken.</param>
/// <param name="NewestAge">How old it is now: the data a loss at this moment would cost.</param>
/// <param name="NewestVerifiedAt">When the newest backup passed a verification or a successful drill; null when not yet.</param>
/// <param name="RecoveryPointObjective">The target for <paramref name="NewestAge"/> (the backup interval).</param>
/// <param name="RecoveryTimeObjective">The target for a drill's restore duration.</param>
/// <param name="LastDrill">The newest restore drill of any instance, from the audit ledger.</param>
/// <param name="Zones">The residency zones' stores and their backups (empty when no zone keeps a store of its own).</param>
public sealed record BackupStatus(
    bool ScheduleEnabled,
    int Count,
    long TotalBytes,
    string? NewestBackup,
    DateTime? NewestAt,
    TimeSpan? NewestAge,
    DateTime? NewestVerifiedAt,
    TimeSpan RecoveryPointObjective,
    TimeSpan RecoveryTimeObjective,
    DrillReport? LastDrill,
    IReadOnlyList<ZoneBackupStatus> Zones);
