using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Compliance;

/// <summary>
/// The data-protection controls at a glance: backups against the recovery point objective, the last restore drill
/// against the recovery time objective, the key ring, and privacy requests against their deadlines.
/// </summary>
/// <param name="GeneratedAt">When the report was taken.</param>
/// <param name="Backups">The backups and the last drill.</param>
/// <param name="RecoveryPointMet">The newest backup is no older than the recovery point objective.</param>
/// <param name="DrillRecoveryPointMet">At the last drill, the newest backup was no older than the recovery point objective; null without a drill.</param>
/// <param name="DrillRecoveryTimeMet">The last drill restored within the recovery time objective; null without a drill.</param>
/// <param name="KeyRing">The master key and the data keys.</param>
/// <param name="Privacy">Open privacy requests and how many are overdue.</param>
public sealed record ComplianceReport(
    DateTime GeneratedAt,
    BackupStatus Backups,
    bool RecoveryPointMet,
    bool? DrillRecoveryPointMet,
    bool? DrillRecoveryTimeMet,
    KeyRingStatus KeyRing,
    PrivacyRequestSummary Privacy);
