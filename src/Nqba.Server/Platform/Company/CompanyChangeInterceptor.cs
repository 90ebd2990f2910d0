using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Platform.Company;

/// <summary>
/// Drops the cached company snapshot when units, regions, calendars (their intervals and holidays) or specialists are saved: after the save, and
/// again when an explicit transaction around it commits (so no reader caches what was there before the commit).
/// </summary>
internal sealed class CompanyChangeInterceptor(CompanySnapshotCache cache) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private static bool IsCompanyData(EntityEntry entry) =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted &&
        entry.Entity is BusinessUnit or Region or WorkingCalendar or WorkingCalendarInterval or CalendarHoliday or Specialist;

    private void Note(DbContext? context)
    {
        if (context is PlatformDbContext && context.ChangeTracker.Entries().Any(IsCompanyData))
        {
            _pending.AddOrUpdate(context, this);
            cache.Invalidate();
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out _))
        {
            cache.Invalidate();
            if (context.Database.CurrentTransaction is null)
            {
                _pending.Remove(context);
            }
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            cache.Invalidate();
        }
    }
}
