using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Audit;

/// <summary>
/// Walks the ledger in order and recomputes every keyed hash, then checks the chain against the anchor kept outside
/// the database: names the first entry that does not match, or the anchored entry a shortened ledger no longer reaches.
/// </summary>
internal sealed class AuditVerifier(PlatformDbContext db, AuditChainKey chainKey, AuditAnchorFile anchors)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) =>
        await VerifyAsync(db, await chainKey.GetAsync(cancellationToken), anchors.Read(), cancellationToken);

    /// <summary>Verifies a ledger (the live one, or a restored backup's) under the key, against the anchor if there is one.</summary>
    public static async Task<AuditVerification> VerifyAsync(PlatformDbContext db, byte[] key, AuditAnchor? anchor, CancellationToken cancellationToken)
    {
        var previousHash = AuditHasher.GenesisHash;
        long expected = 1;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (entry.Sequence != expected)
            {
                return new AuditVerification(count, expected, $"entry {expected} is missing (next present is {entry.Sequence})", anchor?.Sequence);
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, entry.Sequence, "its previous-hash link does not match the entry before it", anchor?.Sequence);
            }

            var recomputed = AuditHasher.Compute(entry, key);
            if (!string.Equals(recomputed, entry.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, entry.Sequence, "its content does not match its keyed hash (the entry was modified, or the chain recomputed without the audit key)", anchor?.Sequence);
            }

            if (anchor is not null && entry.Sequence == anchor.Sequence && !string.Equals(entry.Hash, anchor.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, entry.Sequence, $"it is not the entry anchored on {Format(anchor.AnchoredAt)} (the ledger was cut short and written anew)", anchor.Sequence);
            }

            previousHash = entry.Hash;
            expected++;
        }

        if (anchor is not null && expected - 1 < anchor.Sequence)
        {
            return new AuditVerification(count, expected, $"the ledger ends at entry {expected - 1}, and entry {anchor.Sequence} was anchored on {Format(anchor.AnchoredAt)}: entries were removed from its end", anchor.Sequence);
        }

        return new AuditVerification(count, null, null, anchor?.Sequence);
    }

    private static string Format(DateTime at) => at.ToString("u", System.Globalization.CultureInfo.InvariantCulture);
}
