using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Audit;

/// <summary>Walks the ledger in order and recomputes every hash; names the first entry that does not match.</summary>
internal sealed class AuditVerifier(PlatformDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var previousHash = AuditHasher.GenesisHash;
        long expected = 1;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            count++;
            if (entry.Sequence != expected)
            {
                return new AuditVerification(count, expected, $"entry {expected} is missing (next present is {entry.Sequence})");
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, entry.Sequence, "its previous-hash link does not match the entry before it");
            }

            var recomputed = AuditHasher.Compute(entry);
            if (!string.Equals(recomputed, entry.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, entry.Sequence, "its content does not match its hash (the entry was modified)");
            }

            previousHash = entry.Hash;
            expected++;
        }

        return new AuditVerification(count, null, null);
    }
}
