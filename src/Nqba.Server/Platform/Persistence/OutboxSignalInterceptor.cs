using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// Fires the outbox's job (<see cref="OutboxDispatchJob"/>) once changes that carried events are committed. Events written
/// inside an explicit transaction are signalled on commit; the job also polls, so a lost signal only delays.
/// </summary>
internal sealed class OutboxSignalInterceptor(JobTrigger<OutboxDispatchJob> dispatch) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        return ValueTask.FromResult(result);
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null &&
            context.ChangeTracker.Entries<StoredEvent>().Any())
        {
            dispatch.Notify();
        }

        return await ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        dispatch.Notify();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => dispatch.Notify();
}
