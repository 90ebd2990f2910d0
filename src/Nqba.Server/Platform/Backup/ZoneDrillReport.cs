namespace Nqba.Server.Platform.Backup;

/// <summary>The restore drill of one residency zone's store.</summary>
/// <param name="Zone">The residency zone.</param>
/// <param name="Backup">The zone backup restored; null when the zone has none.</param>
/// <param name="BackupAge">How old that backup was (the zone's RPO at the drill).</param>
/// <param name="RestoreDuration">Decrypt, restore into scratch and count.</param>
/// <param name="RowCountsMatch">Every table's row count equals the count recorded at backup time.</param>
/// <param name="Succeeded">A backup existed, restored and matched.</param>
/// <param name="Tables">Each table's rows at backup time and restored.</param>
public sealed record ZoneDrillReport(string Zone, string? Backup, TimeSpan BackupAge, TimeSpan RestoreDuration, bool RowCountsMatch, bool Succeeded, IReadOnlyList<DrillTableCount>? Tables = null);
