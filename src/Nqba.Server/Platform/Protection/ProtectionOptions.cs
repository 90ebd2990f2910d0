using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Protection;

/// <summary>The <c>Protection</c> configuration section.</summary>
public sealed class ProtectionOptions
{
    public const string SectionName = "Protection";

    /// <summary>
    /// Master key file (JSON: current key id and base64 AES-256 keys), relative to the content root; created on
    /// first start with mode 0600. Back it up apart from the database: without it the data cannot be read.
    /// </summary>
    public string MasterKeyFile { get; set; } = Path.Combine("data", "keys", "master-keys.json");

    /// <summary>
    /// The erasure journal: ids of the data keys destroyed by erasure, replayed after a restore so an older backup
    /// cannot bring erased data back. Relative to the content root; keep it with the master key ring, apart from backups.
    /// </summary>
    public string ErasureJournalFile { get; set; } = Path.Combine("data", "keys", "erased-keys.log");

    /// <summary>
    /// The audit anchor: the sequence number and hash of the newest audit entry this instance wrote, rewritten after
    /// each entry. Verification needs the ledger to reach it unchanged, so a ledger cut short or rewritten in the
    /// database is detected. Relative to the content root; keep it with the master key ring, out of the database's reach.
    /// </summary>
    public string AuditAnchorFile { get; set; } = Path.Combine("data", "keys", "audit-anchor.json");

    /// <summary>
    /// How often each instance checks for data keys another instance destroyed (an erasure), and drops them from its
    /// cache: the longest time another instance may go on decrypting an erased person's data.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DestroyedKeyPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Alternatively the master key itself (base64 of 32 bytes), e.g. from an environment variable; then rotation is external.</summary>
    public string? MasterKey { get; set; }
}
