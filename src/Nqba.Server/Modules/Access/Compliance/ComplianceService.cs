using Nqba.Server.Modules.Access.Privacy;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Compliance;

/// <summary>Builds the <see cref="ComplianceReport"/> from what the backups, the key ring and the privacy requests record.</summary>
internal sealed class ComplianceService(BackupService backups, FieldProtector protector, PrivacyService privacy, TimeProvider time)
{
    public async Task<ComplianceReport> ReportAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var backup = await backups.StatusAsync(cancellationToken);
        var keys = await protector.StatusAsync(cancellationToken);
        var open = await privacy.ListAsync(PrivacyRequestStatus.Open, cancellationToken);
        var summary = new PrivacyRequestSummary(
            open.Count,
            open.Count(r => now > r.DueAt),
            open.Count(r => now <= r.DueAt && r.DueAt <= now.AddDays(7)),
            open.Count > 0 ? open.Min(r => r.DueAt) : null);
        var drill = backup.LastDrill;
        var rpo = backup.RecoveryPointObjective;

        // A residency zone's store counts like the main database: the RPO is met only when every store's newest
        // backup is recent enough (a zone without a backup folder has none, so it misses the RPO).
        return new ComplianceReport(
            now,
            backup,
            backup.NewestAge is { } age && age <= rpo && backup.Zones.All(z => z.NewestAge is { } zoneAge && zoneAge <= rpo),
            drill is null ? null : drill.BackupAge <= rpo && (drill.Zones ?? []).All(z => z.Backup is not null && z.BackupAge <= rpo),
            drill is null ? null : drill.Succeeded && drill.RestoreDuration <= backup.RecoveryTimeObjective,
            keys,
            summary);
    }
}
