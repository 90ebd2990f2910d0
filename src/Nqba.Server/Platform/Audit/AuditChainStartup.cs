using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Platform.Audit;

/// <summary>
/// On start, before anything appends: re-keys a ledger written before the chain was keyed, and anchors the head.
/// A ledger is re-keyed only when there is no anchor yet (the first start after the upgrade) and its first entry
/// carries a plain SHA-256 hash; it is re-keyed only if the plain chain is intact, every hash recomputed under the
/// audit key in one transaction. A broken plain chain is left as found, so verification keeps reporting it. With
/// an anchor present nothing is re-keyed: a chain recomputed with plain SHA-256 since then is reported, not adopted.
/// </summary>
internal sealed partial class AuditChainStartup(
    PlatformDbContext db,
    AuditChainKey chainKey,
    AuditAnchorFile anchors,
    IAuditLedger ledger,
    ILogger<AuditChainStartup> logger) : IDataSeeder
{
    private const int BatchSize = 500;

    /// <summary>Before every seeder that may append to the ledger.</summary>
    public int Order => 2;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        var key = await chainKey.GetAsync(cancellationToken);
        var anchor = anchors.Read();
        var first = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        if (anchor is null && first is not null && first.Hash == AuditHasher.ComputeUnkeyed(first) && first.Hash != AuditHasher.Compute(first, key))
        {
            await ReKeyAsync(key, cancellationToken);
        }

        if (anchor is null)
        {
            // Trust on first use: the ledger as found (re-keyed, or already keyed by another instance) is anchored now.
            var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash, e.Timestamp }).FirstOrDefaultAsync(cancellationToken);
            if (head is not null)
            {
                anchors.Advance(new AuditAnchor(head.Sequence, head.Hash, head.Timestamp));
            }
        }

        // Changes committed just before a crash whose entries were not chained yet.
        await ledger.ChainStagedAsync(cancellationToken);
    }

    private async Task ReKeyAsync(byte[] key, CancellationToken cancellationToken)
    {
        var plain = AuditHasher.GenesisHash;
        var keyed = AuditHasher.GenesisHash;
        long expected = 1;
        long count = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        while (true)
        {
            var batch = await db.AuditEntries.Where(e => e.Sequence >= expected).OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                if (entry.Sequence != expected || entry.PreviousHash != plain || entry.Hash != AuditHasher.ComputeUnkeyed(entry))
                {
                    LogLegacyChainBroken(logger, expected);
                    return; // the transaction rolls back: nothing re-keyed
                }

                plain = entry.Hash;
                entry.PreviousHash = keyed;
                entry.Hash = keyed = AuditHasher.Compute(entry, key);
                expected++;
                count++;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        LogReKeyed(logger, count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-keyed the audit chain: {Count} entries written before the chain was keyed now carry HMAC-SHA256 hashes under the audit key")]
    private static partial void LogReKeyed(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit chain was already broken at entry {Sequence} before it was keyed; it is left as found, and verification reports it")]
    private static partial void LogLegacyChainBroken(ILogger logger, long sequence);
}
