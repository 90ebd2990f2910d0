namespace Nqba.Server.Platform.Backup;

/// <summary>The outcome of a restore drill: what was restored, how long it took, what was checked.</summary>
/// <param name="Backup">The backup file restored.</param>
/// <param name="DrilledAt">When the drill ran.</param>
/// <param name="BackupAge">How old the newest backup was (the data a loss at that moment would cost: RPO).</param>
/// <param name="RestoreDuration">Decrypt, restore and verify, the zones' stores included (RTO for the data part).</param>
/// <param name="RowCountsMatch">Every table's row count equals the count recorded at backup time.</param>
/// <param name="AuditChain">The restored audit ledger's verification, e.g. "ok, 120 entries".</param>
/// <param name="Succeeded">All checks passed, the residency zones' included.</param>
/// <param name="Zones">The drills of the residency zones' stores; null when no zone keeps a store of its own.</param>
/// <param name="Tables">Each table's rows at backup time and restored, so a mismatch names its table.</param>
public sealed record DrillReport(
    string Backup,
    DateTime DrilledAt,
    TimeSpan BackupAge,
    TimeSpan RestoreDuration,
    bool RowCountsMatch,
    string AuditChain,
    bool Succeeded,
    IReadOnlyList<ZoneDrillReport>? Zones = null,
    IReadOnlyList<DrillTableCount>? Tables = null);
