using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Nqba.Server.Platform.Residency;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Transparent field encryption for every module's DbContext: <see cref="EncryptedAttribute"/> properties (text,
/// and file contents as <c>byte[]</c>) are encrypted just before SaveChanges writes them (and shown as plaintext
/// again afterwards), and decrypted as entities are read; bytes whose key was destroyed read as empty. Queries cannot compare encrypted columns; search through keyed hashes instead.
/// Residency: when the owning organization's zone has a store of its own, the ciphertext is written there and the
/// column holds only a <see cref="ResidencyReference"/>; reading follows the reference into that zone's store.
/// <para>
/// A key owner without a data key yet (a new person, a new organization) gets one in the same transaction as the
/// records it encrypts, when the context maps the key table (<see cref="DataKeyModel.MapDataKeys"/>): the key row is
/// added to the save, and the key becomes the owner's active key for other writers only once that transaction has
/// committed (at the end of the save, or at the commit of the caller's own transaction); a rollback forgets it.
/// Otherwise the key is created beforehand in a transaction of its own, which on SQLite waits for the single write
/// lock a second time.
/// </para>
/// </summary>
internal sealed class FieldEncryptionInterceptor(FieldProtector protector, ResidencyStores stores, IResidencyResolver residency, TimeProvider time)
    : ISaveChangesInterceptor, IMaterializationInterceptor, IDbTransactionInterceptor
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> EncryptedProperties = new();
    private readonly ConditionalWeakTable<DbContext, List<(EntityEntry Entry, string Property, object Plaintext)>> _pending = [];
    private readonly ConditionalWeakTable<DbContext, object> _subscribed = [];

    // Keys created with a context's changes and not committed yet, by owner.
    private readonly ConditionalWeakTable<DbContext, Dictionary<Guid, (DataKey Row, byte[] Key)>> _newKeys = [];

    // The store id each loaded entity's resident fields came from, so an update rewrites that value in place.
    private readonly ConditionalWeakTable<object, Dictionary<string, Guid>> _references = [];

    public static PropertyInfo[] PropertiesOf(Type type) => EncryptedProperties.GetOrAdd(type, t =>
        [.. t.GetProperties().Where(p => (p.PropertyType == typeof(string) || p.PropertyType == typeof(byte[])) && p.GetCustomAttribute<EncryptedAttribute>() is not null)]);

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
        {
            return result;
        }

        var pending = _pending.GetOrCreateValue(context);
        pending.Clear();
        var resident = new Dictionary<string, List<(Guid Id, string Value)>>(StringComparer.OrdinalIgnoreCase);
        // A list: new data key rows are added to the context while it is walked.
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            var properties = PropertiesOf(entry.Metadata.ClrType);
            if (properties.Length == 0)
            {
                continue;
            }

            var owned = entry.Entity as IOrganizationOwned;
            var zone = stores.Enabled && owned?.ResidencyOrganizationId is { } residencyOrganization
                ? await residency.ZoneOfAsync(residencyOrganization, cancellationToken)
                : null;
            foreach (var property in properties)
            {
                var member = entry.Property(property.Name);
                if (entry.State != EntityState.Added && !member.IsModified)
                {
                    continue;
                }

                // Text is stored as its enc1: ciphertext; bytes (an empty array too, so an emptied file overwrites its
                // zone copy) as NQE1 ciphertext, and in a zone's store as that ciphertext's base64.
                var (plaintext, ciphertext, zoneValue) = member.CurrentValue switch
                {
                    string text when !FieldProtector.IsProtected(text) && !ResidencyReference.IsReference(text) =>
                        ProtectText(await KeyForAsync(context, owned?.OwnerOrganizationId, cancellationToken), text),
                    byte[] bytes when !FieldProtector.IsProtected(bytes) && !ResidencyReference.IsReference(bytes) =>
                        ProtectBytes(await KeyForAsync(context, owned?.OwnerOrganizationId, cancellationToken), bytes),
                    _ => (null, null, null),
                };
                if (plaintext is null)
                {
                    continue;
                }

                if (stores.KeepsApart(zone))
                {
                    var references = _references.GetOrCreateValue(entry.Entity);
                    var id = references.TryGetValue(property.Name, out var known) ? known : Guid.CreateVersion7();
                    references[property.Name] = id;
                    (resident.TryGetValue(zone!, out var values) ? values : resident[zone!] = []).Add((id, zoneValue!));
                    var reference = ResidencyReference.Format(zone!, id);
                    ciphertext = plaintext is string ? reference : Encoding.ASCII.GetBytes(reference);
                }

                member.CurrentValue = ciphertext;
                pending.Add((entry, property.Name, plaintext));
            }
        }

        // Written before the main row: a failed save leaves an unreferenced ciphertext in the zone, never a dangling reference.
        foreach (var (zone, values) in resident)
        {
            await stores.WriteAsync(zone, values, time.GetUtcNow().UtcDateTime, cancellationToken);
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
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            EndNewKeys(eventData.Context, committed: true); // the save's own transaction has committed
        }

        return ValueTask.FromResult(result);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context, saved: false);
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            EndNewKeys(eventData.Context, committed: false); // in the caller's transaction, a retry saves them again
        }

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
            switch (property.GetValue(entity))
            {
                case string text:
                    var value = text;
                    if (ResidencyReference.TryParse(value, out var zone, out var id))
                    {
                        _references.GetOrCreateValue(entity)[property.Name] = id;
                        value = stores.Read(zone, id) ?? FieldProtector.ErasedValue;
                    }

                    if (FieldProtector.IsProtected(value))
                    {
                        property.SetValue(entity, protector.Unprotect(value));
                    }
                    else if (!ReferenceEquals(value, text))
                    {
                        property.SetValue(entity, value);
                    }

                    break;
                case byte[] bytes:
                    var stored = bytes;
                    if (ResidencyReference.TryParse(bytes, out var bytesZone, out var bytesId))
                    {
                        _references.GetOrCreateValue(entity)[property.Name] = bytesId;
                        stored = stores.Read(bytesZone, bytesId) is { } base64 ? Convert.FromBase64String(base64) : [];
                    }

                    if (FieldProtector.IsProtected(stored))
                    {
                        property.SetValue(entity, protector.UnprotectBytes(stored) ?? []);
                    }
                    else if (!ReferenceEquals(stored, bytes))
                    {
                        property.SetValue(entity, stored);
                    }

                    break;
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

    private static (object? Plaintext, object? Ciphertext, string? ZoneValue) ProtectText((Guid Id, byte[] Key) key, string text)
    {
        var ciphertext = FieldProtector.Protect(key.Id, key.Key, text);
        return (text, ciphertext, ciphertext);
    }

    private static (object? Plaintext, object? Ciphertext, string? ZoneValue) ProtectBytes((Guid Id, byte[] Key) key, byte[] bytes)
    {
        var ciphertext = FieldProtector.ProtectBytes(key.Id, key.Key, bytes);
        return (bytes, ciphertext, Convert.ToBase64String(ciphertext));
    }

    /// <summary>The owner's data key for this save: cached, found, created with the save, or created beforehand.</summary>
    private async Task<(Guid Id, byte[] Key)> KeyForAsync(DbContext context, Guid? owner, CancellationToken cancellationToken)
    {
        if (protector.TryGetActiveKey(owner, DataKeyPurpose.Fields, out var id, out var key))
        {
            return (id, key);
        }

        if (owner is not { } ownerId || context.Model.FindEntityType(typeof(DataKey)) is null)
        {
            return await protector.ActiveKeyAsync(owner, DataKeyPurpose.Fields, cancellationToken);
        }

        var created = _newKeys.GetOrCreateValue(context);
        if (created.TryGetValue(ownerId, out var pending))
        {
            if (context.Entry(pending.Row).State == EntityState.Added)
            {
                return (pending.Row.Id, pending.Key);
            }

            // Its row left the save (a failed transaction was disposed and the tracker cleared for a retry): a
            // record must never be encrypted under a key that will not be written.
            protector.DiscardKey(pending.Row);
            created.Remove(ownerId);
        }

        // Looked up through the saving context itself: no second context and connection (and, inside the caller's
        // transaction, the same snapshot the records are written in).
        if (await FieldProtector.FindLiveKeyAsync(context.Set<DataKey>(), owner, DataKeyPurpose.Fields, cancellationToken) is { } found)
        {
            return protector.UseFoundKey(found);
        }

        var (row, plain) = protector.CreateKey(owner, DataKeyPurpose.Fields);
        context.Add(row);
        created[ownerId] = (row, plain);
        return (row.Id, plain);
    }

    /// <summary>The keys created with the context's changes are committed (promote) or not (forget, and unsave the rows).</summary>
    private void EndNewKeys(DbContext? context, bool committed)
    {
        if (context is null || !_newKeys.TryGetValue(context, out var created) || created.Count == 0)
        {
            return;
        }

        foreach (var (row, _) in created.Values)
        {
            // Only a row the save wrote: one detached (the tracker cleared after a failed save) or never saved is not in the table.
            if (committed && context.Entry(row).State == EntityState.Unchanged)
            {
                protector.PromoteKey(row);
            }
            else
            {
                protector.DiscardKey(row);
                context.Entry(row).State = EntityState.Detached;
            }
        }

        created.Clear();
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EndNewKeys(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => EndNewKeys(eventData.Context, committed: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        EndNewKeys(eventData.Context, committed: false);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => EndNewKeys(eventData.Context, committed: false);

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
