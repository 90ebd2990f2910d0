using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Transparent field encryption for every module's DbContext: <see cref="EncryptedAttribute"/> properties are
/// encrypted just before SaveChanges writes them (and shown as plaintext again afterwards), and decrypted as
/// entities are read. Queries cannot compare encrypted columns; search through keyed hashes instead.
/// </summary>
internal sealed class FieldEncryptionInterceptor(FieldProtector protector) : ISaveChangesInterceptor, IMaterializationInterceptor
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> EncryptedProperties = new();
    private readonly ConditionalWeakTable<DbContext, List<(EntityEntry Entry, string Property, string Plaintext)>> _pending = [];
    private readonly ConditionalWeakTable<DbContext, object> _subscribed = [];

    public static PropertyInfo[] PropertiesOf(Type type) => EncryptedProperties.GetOrAdd(type, t =>
        [.. t.GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetCustomAttribute<EncryptedAttribute>() is not null)]);

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }

        var pending = _pending.GetOrCreateValue(context);
        pending.Clear();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var properties = PropertiesOf(entry.Metadata.ClrType);
            if (properties.Length == 0)
            {
                continue;
            }

            var organization = (entry.Entity as IOrganizationOwned)?.OwnerOrganizationId;
            foreach (var property in properties)
            {
                var member = entry.Property(property.Name);
                if (member.CurrentValue is string plain && !FieldProtector.IsProtected(plain) && (entry.State == EntityState.Added || member.IsModified))
                {
                    member.CurrentValue = await protector.ProtectAsync(organization, plain, cancellationToken);
                    pending.Add((entry, property.Name, plain));
                }
            }
        }

        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        var needsEncryption = eventData.Context?.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified && PropertiesOf(e.Metadata.ClrType).Length > 0) == true;
        return needsEncryption
            ? throw new InvalidOperationException("Entities with encrypted fields must be saved with SaveChangesAsync (key access is asynchronous).")
            : result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context, saved: true);
        return ValueTask.FromResult(result);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context, saved: false);
        return Task.CompletedTask;
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var properties = PropertiesOf(entity.GetType());
        if (properties.Length == 0)
        {
            return entity;
        }

        foreach (var property in properties)
        {
            if (property.GetValue(entity) is string value && FieldProtector.IsProtected(value))
            {
                property.SetValue(entity, protector.Unprotect(value));
            }
        }

        // The change tracker snapshots what was read; make the snapshot the plaintext so nothing looks modified.
        var context = materializationData.Context;
        if (!_subscribed.TryGetValue(context, out _))
        {
            _subscribed.Add(context, new object());
            context.ChangeTracker.Tracked += (_, e) =>
            {
                if (e.FromQuery)
                {
                    foreach (var property in PropertiesOf(e.Entry.Metadata.ClrType))
                    {
                        var member = e.Entry.Property(property.Name);
                        member.OriginalValue = member.CurrentValue;
                    }
                }
            };
        }

        return entity;
    }

    /// <summary>Shows plaintext again; after a successful save the plaintext is also the new original value.</summary>
    private void Restore(DbContext? context, bool saved)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        foreach (var (entry, property, plaintext) in pending)
        {
            var member = entry.Property(property);
            member.CurrentValue = plaintext;
            if (saved)
            {
                member.OriginalValue = plaintext;
                member.IsModified = false;
            }
        }

        pending.Clear();
    }
}
