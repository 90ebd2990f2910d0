using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>
/// The two rewrites of the audit chain that an unkeyed, unanchored chain let through (issue #17, item 4): entries cut
/// from its end, and an entry edited with every later hash recomputed offline. Each test has a server of its own,
/// since each leaves its ledger broken.
/// </summary>
public sealed class AuditAnchorTests
{
    /// <summary>Runs the test against a server (and database) of its own, removed afterwards.</summary>
    private static async Task WithServerAsync(Func<NqbaFactory, Task> test)
    {
        var factory = new NqbaFactory();
        await factory.InitializeAsync();
        try
        {
            await test(factory);
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }

    private static async Task AppendAsync(NqbaFactory factory, int count)
    {
        var ledger = factory.Services.GetRequiredService<IAuditLedger>();
        for (var i = 0; i < count; i++)
        {
            await ledger.AppendAsync(new AuditRecord("test.append", "thing", i.ToString(CultureInfo.InvariantCulture)), CancellationToken.None);
        }
    }

    private static async Task<AuditVerification> VerifyAsync(NqbaFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
    }

    private static async Task<long> HeadAsync(NqbaFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries.MaxAsync(e => e.Sequence);
    }

    /// <summary>What an attacker with the database but not the audit key can do: chain with plain SHA-256.</summary>
    private static async Task RecomputeWithoutTheKeyAsync(NqbaFactory factory, long from, Action<AuditEntry>? edit = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var previous = from == 1 ? AuditHasher.GenesisHash : await db.AuditEntries.Where(e => e.Sequence == from - 1).Select(e => e.Hash).SingleAsync();
        foreach (var entry in await db.AuditEntries.Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).ToListAsync())
        {
            if (entry.Sequence == from)
            {
                edit?.Invoke(entry);
            }

            entry.PreviousHash = previous;
            entry.Hash = previous = AuditHasher.ComputeUnkeyed(entry);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<DrillReport> BackupAndDrillAsync(NqbaFactory factory)
    {
        var backups = factory.Services.GetRequiredService<BackupService>();
        await backups.CreateAsync(null, CancellationToken.None);
        return await backups.DrillAsync(null, CancellationToken.None);
    }

    [Fact]
    public async Task LastEntriesDeleted_VerificationAndDrill_ReportTheLedgerCutShort()
    {
        await WithServerAsync(async factory =>
        {
            await AppendAsync(factory, 60);
            var intact = await VerifyAsync(factory);
            Assert.True(intact.IsIntact, intact.ToString());
            Assert.NotNull(intact.AnchoredSequence);
            var head = await HeadAsync(factory);

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries.Where(e => e.Sequence > head - 25).ExecuteDeleteAsync();
            }

            var truncated = await VerifyAsync(factory);
            var drill = await BackupAndDrillAsync(factory);

            Assert.False(truncated.IsIntact);
            Assert.InRange(truncated.FirstBrokenSequence!.Value, head - 24, head);
            Assert.Contains("removed", truncated.ToString(), StringComparison.Ordinal);
            Assert.False(drill.Succeeded);
            Assert.StartsWith("audit chain broken", drill.AuditChain, StringComparison.Ordinal);

            // New entries do not paper over it: they take the removed numbers, and the anchored one is not among them.
            await AppendAsync(factory, 30);
            Assert.Equal(head, (await VerifyAsync(factory)).FirstBrokenSequence);
        });
    }

    [Fact]
    public async Task EntryEditedAndLaterHashesRecomputedOffline_VerificationAndDrill_ReportTheEditedEntry()
    {
        await WithServerAsync(async factory =>
        {
            await AppendAsync(factory, 60);
            var head = await HeadAsync(factory);
            var target = head - 40;

            await RecomputeWithoutTheKeyAsync(factory, target, e => e.ActorName = "mallory");
            var recomputed = await VerifyAsync(factory);
            var drill = await BackupAndDrillAsync(factory);

            Assert.False(recomputed.IsIntact);
            Assert.Equal(target, recomputed.FirstBrokenSequence);
            Assert.Contains("keyed hash", recomputed.Problem, StringComparison.Ordinal);
            Assert.False(drill.Succeeded);
            Assert.Contains($"entry {target}", drill.AuditChain, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task WholeChainRecomputedWithPlainSha256_IsReported_NotReKeyedOnTheNextStart()
    {
        await WithServerAsync(async factory =>
        {
            await AppendAsync(factory, 10);

            await RecomputeWithoutTheKeyAsync(factory, 1);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                // A restart's start-up step: with an anchor present it must not adopt the recomputed chain.
                await scope.ServiceProvider.GetRequiredService<IEnumerable<IDataSeeder>>().OfType<AuditChainStartup>().Single().SeedAsync(false, CancellationToken.None);
            }

            var verification = await VerifyAsync(factory);

            Assert.Equal(1, verification.FirstBrokenSequence);
        });
    }

    [Fact]
    public async Task LedgerFromBeforeKeying_IsReKeyedOnceOnStart_AndThenAnchored()
    {
        await WithServerAsync(async factory =>
        {
            await AppendAsync(factory, 10);
            // The ledger as an earlier version wrote it: plain SHA-256 links and no anchor file.
            await RecomputeWithoutTheKeyAsync(factory, 1);
            var anchor = factory.Services.GetRequiredService<AuditAnchorFile>();
            anchor.Replace(null);
            Assert.False((await VerifyAsync(factory)).IsIntact);

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IEnumerable<IDataSeeder>>().OfType<AuditChainStartup>().Single().SeedAsync(false, CancellationToken.None);
            }

            var verification = await VerifyAsync(factory);

            Assert.True(verification.IsIntact, verification.ToString());
            Assert.Equal(await HeadAsync(factory), anchor.Read()?.Sequence);
            await using var check = factory.Services.CreateAsyncScope();
            var first = await check.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries.OrderBy(e => e.Sequence).FirstAsync();
            Assert.NotEqual(AuditHasher.ComputeUnkeyed(first), first.Hash);
        });
    }
}
