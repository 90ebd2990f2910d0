using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nqba.Server.Platform.Audit;

/// <summary>
/// Chains staged audit entries into the ledger as soon as the change they describe has committed: after a save
/// outside an explicit transaction, or when the explicit transaction commits. Chaining runs after the commit, never
/// inside it, so it cannot make the change fail; entries a crash leaves staged are chained by the next commit that
/// stages one, and on start.
/// </summary>
internal sealed class AuditOutboxInterceptor(IServiceProvider services) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    // Resolved late: the ledger's own contexts use this interceptor too.
    private IAuditLedger Ledger => services.GetRequiredService<IAuditLedger>();

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && Staged(context))
        {
            await Ledger.ChainStagedAsync(CancellationToken.None);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && Staged(context))
        {
            Ledger.ChainStagedAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Staged(context))
        {
            await Ledger.ChainStagedAsync(CancellationToken.None);
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && Staged(context))
        {
            Ledger.ChainStagedAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>Whether this context wrote staged entries (still tracked after their save; the chainer's own deletes are not).</summary>
    private static bool Staged(DbContext context) =>
        context.Model.FindEntityType(typeof(StagedAuditEntry)) is not null
        && context.ChangeTracker.Entries<StagedAuditEntry>().Any(e => e.State == EntityState.Unchanged);
}
