using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Encrypts and decrypts field values with AES-256-GCM under per-organization data keys, and computes keyed
/// hashes that make encrypted e-mail addresses searchable. A value is
/// <c>enc1:</c> + base64url(key id ‖ nonce ‖ tag ‖ ciphertext); the key id is bound as associated data.
/// Unwrapped data keys are cached in memory; a destroyed key reads as <see cref="ErasedValue"/>.
/// </summary>
public sealed class FieldProtector(IServiceScopeFactory scopes, IMasterKeyProvider masterKeys, ErasureJournal journal, TimeProvider time) : IDisposable
{
    public const string Prefix = "enc1:";

    /// <summary>What an encrypted field reads as after its organization's key was destroyed.</summary>
    public const string ErasedValue = "[erased]";

    /// <summary>The ledger action of a master key rotation (<c>nqba keys rotate</c>).</summary>
    public const string RotatedAction = "platform.keys.rotated";

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int BytesHeader = 4 + 16;

    private static ReadOnlySpan<byte> BytesMarker => "NQE1"u8;
    private readonly ConcurrentDictionary<Guid, byte[]?> _keys = new();
    private readonly ConcurrentDictionary<(Guid? Organization, DataKeyPurpose Purpose), Guid> _active = new();
    private readonly SemaphoreSlim _create = new(1, 1);

    public void Dispose() => _create.Dispose();

    public static bool IsProtected(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>True for bytes from <see cref="ProtectBytesAsync"/> (the NQE1 marker and room for key id, nonce and tag).</summary>
    public static bool IsProtected(byte[]? value) => value is not null && value.Length >= BytesHeader + NonceSize + TagSize && value.AsSpan().StartsWith(BytesMarker);

    public async Task<string> ProtectAsync(Guid? organizationId, string plaintext, CancellationToken cancellationToken)
    {
        var (id, key) = await ActiveKeyAsync(organizationId, DataKeyPurpose.Fields, cancellationToken);
        return Protect(id, key, plaintext);
    }

    /// <summary>Encrypts text under the given data key (see <see cref="ProtectAsync"/>).</summary>
    internal static string Protect(Guid id, byte[] key, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[16 + NonceSize + TagSize + plain.Length];
        id.TryWriteBytes(output);
        RandomNumberGenerator.Fill(output.AsSpan(16, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(output.AsSpan(16, NonceSize), plain, output.AsSpan(16 + NonceSize + TagSize), output.AsSpan(16 + NonceSize, TagSize), output.AsSpan(0, 16));
        return Prefix + Base64Url.EncodeToString(output);
    }

    /// <summary>
    /// Creates the organization's (or, for null, the platform's) field key now if it does not exist yet. Call it before
    /// opening a transaction that saves encrypted fields: on SQLite that transaction holds the database's only write
    /// lock, and creating the key inside it would wait on itself.
    /// </summary>
    public async Task EnsureKeyAsync(Guid? organizationId, CancellationToken cancellationToken) =>
        _ = await ActiveKeyAsync(organizationId, DataKeyPurpose.Fields, cancellationToken);

    /// <summary>Decrypts a protected value; plain values pass through unchanged.</summary>
    public string Unprotect(string value)
    {
        if (!IsProtected(value))
        {
            return value;
        }

        var bytes = Base64Url.DecodeFromChars(value.AsSpan(Prefix.Length));
        var id = new Guid(bytes.AsSpan(0, 16));
        var key = _keys.GetOrAdd(id, LoadKey);
        if (key is null)
        {
            return ErasedValue;
        }

        var plain = new byte[bytes.Length - 16 - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(bytes.AsSpan(16, NonceSize), bytes.AsSpan(16 + NonceSize + TagSize), bytes.AsSpan(16 + NonceSize, TagSize), plain, bytes.AsSpan(0, 16));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// Encrypts a file's bytes like a field (AES-256-GCM under the organization's data key): the marker
    /// <c>NQE1</c>, the key id, nonce, tag and ciphertext; the marker and key id are authenticated too.
    /// </summary>
    public async Task<byte[]> ProtectBytesAsync(Guid? organizationId, byte[] plaintext, CancellationToken cancellationToken)
    {
        var (id, key) = await ActiveKeyAsync(organizationId, DataKeyPurpose.Fields, cancellationToken);
        return ProtectBytes(id, key, plaintext);
    }

    /// <summary>Encrypts bytes under the given data key (see <see cref="ProtectBytesAsync"/>).</summary>
    internal static byte[] ProtectBytes(Guid id, byte[] key, byte[] plaintext)
    {
        var output = new byte[BytesHeader + NonceSize + TagSize + plaintext.Length];
        BytesMarker.CopyTo(output);
        id.TryWriteBytes(output.AsSpan(BytesMarker.Length, 16));
        RandomNumberGenerator.Fill(output.AsSpan(BytesHeader, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(output.AsSpan(BytesHeader, NonceSize), plaintext, output.AsSpan(BytesHeader + NonceSize + TagSize), output.AsSpan(BytesHeader + NonceSize, TagSize), output.AsSpan(0, BytesHeader));
        return output;
    }

    /// <summary>
    /// Decrypts bytes from <see cref="ProtectBytesAsync"/>; null when their key was destroyed (erased). Bytes without
    /// the marker (stored before files were encrypted) pass through unchanged.
    /// </summary>
    public byte[]? UnprotectBytes(byte[] value)
    {
        if (value.Length < BytesHeader + NonceSize + TagSize || !value.AsSpan(0, BytesMarker.Length).SequenceEqual(BytesMarker))
        {
            return value;
        }

        var key = _keys.GetOrAdd(new Guid(value.AsSpan(BytesMarker.Length, 16)), LoadKey);
        if (key is null)
        {
            return null;
        }

        var plain = new byte[value.Length - BytesHeader - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(value.AsSpan(BytesHeader, NonceSize), value.AsSpan(BytesHeader + NonceSize + TagSize), value.AsSpan(BytesHeader + NonceSize, TagSize), plain, value.AsSpan(0, BytesHeader));
        return plain;
    }

    /// <summary>
    /// The key owner of one person's records in modules that have no contact of their own (tickets, bookings): derived
    /// from the keyed hash of the person's e-mail, so all of their records share one data key, which erasure
    /// destroys without touching their organization's other records. Stored on each record when it is created, so a
    /// later rectification of the address does not move the record to another key.
    /// </summary>
    public static Guid SubjectKeyId(string emailHash) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("nqba-subject-key:" + emailHash)).AsSpan(0, 16));

    /// <summary>HMAC-SHA256 of a normalized e-mail address under the platform's search key (hex).</summary>
    public async Task<string> SearchHashAsync(string email, CancellationToken cancellationToken)
    {
        var (_, key) = await ActiveKeyAsync(null, DataKeyPurpose.Search, cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
    }

    /// <summary>
    /// Crypto-shredding: destroys every data key of the organization (or person with keys of their own). The key ids
    /// go to the <see cref="ErasureJournal"/> first, so a restored older backup has them destroyed again.
    /// </summary>
    public Task<int> DestroyOrganizationKeysAsync(Guid organizationId, CancellationToken cancellationToken) =>
        DestroyOrganizationKeysAsync([organizationId], cancellationToken);

    /// <summary>
    /// Crypto-shredding of the key owners a module's records name (their <c>SubjectKeyId</c>s): null (records under
    /// their organization's key) and repeats are skipped.
    /// </summary>
    public Task<int> DestroyOrganizationKeysAsync(IEnumerable<Guid?> owners, CancellationToken cancellationToken) =>
        DestroyOrganizationKeysAsync([.. owners.OfType<Guid>().Distinct()], cancellationToken);

    /// <summary>Crypto-shredding of several owners at once (the people in an erasure): one query, one journal append.</summary>
    public async Task<int> DestroyOrganizationKeysAsync(IReadOnlyCollection<Guid> owners, CancellationToken cancellationToken)
    {
        if (owners.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var ids = owners.Select(o => (Guid?)o).ToList();
        var keys = await db.DataKeys.Where(k => ids.Contains(k.OrganizationId) && k.DestroyedAt == null).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await journal.AppendAsync([.. keys.Select(k => (k.Id, k.OrganizationId))], now, cancellationToken);
        Destroy(keys, now);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var owner in owners)
        {
            _active.TryRemove((owner, DataKeyPurpose.Fields), out _);
        }

        return keys.Count;
    }

    /// <summary>
    /// Destroys again every key the erasure journal names that the database holds live: after a backup taken before
    /// an erasure was restored. Runs at start and after <c>nqba backup restore</c>; returns how many it destroyed.
    /// </summary>
    public async Task<int> ReapplyErasuresAsync(CancellationToken cancellationToken)
    {
        var erased = await journal.ReadAsync(cancellationToken);
        if (erased.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var ids = erased.ToList();
        var keys = await db.DataKeys.Where(k => k.DestroyedAt == null && ids.Contains(k.Id)).ToListAsync(cancellationToken);
        if (keys.Count == 0)
        {
            return 0;
        }

        Destroy(keys, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        _active.Clear();
        return keys.Count;
    }

    /// <summary>
    /// Drops from the cache every key destroyed at or after <paramref name="since"/>, by any instance: an erasure on
    /// one instance must stop the others decrypting too (<see cref="DestroyedKeyWatcher"/> calls it on a schedule).
    /// Returns how many cached keys it dropped.
    /// </summary>
    public async Task<int> ForgetDestroyedSinceAsync(DateTime since, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var destroyed = await db.DataKeys.AsNoTracking().Where(k => k.DestroyedAt >= since)
            .Select(k => new { k.Id, k.OrganizationId, k.Purpose }).ToListAsync(cancellationToken);
        var dropped = 0;
        foreach (var key in destroyed)
        {
            if (_keys.TryGetValue(key.Id, out var cached) && cached is not null)
            {
                dropped++;
            }

            _keys[key.Id] = null;
            if (_active.TryGetValue((key.OrganizationId, key.Purpose), out var active) && active == key.Id)
            {
                _active.TryRemove((key.OrganizationId, key.Purpose), out _);
            }
        }

        return dropped;
    }

    private void Destroy(List<DataKey> keys, DateTime now)
    {
        foreach (var key in keys)
        {
            key.WrappedKey = null;
            key.DestroyedAt = now;
            _keys[key.Id] = null;
        }
    }

    /// <summary>The key ring as the compliance page shows it: the master key, its age, and where the data keys stand.</summary>
    public async Task<KeyRingStatus> StatusAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var current = masterKeys.CurrentKeyId;
        var live = await db.DataKeys.CountAsync(k => k.DestroyedAt == null, cancellationToken);
        var stale = await db.DataKeys.CountAsync(k => k.DestroyedAt == null && k.MasterKeyId != current, cancellationToken);
        var destroyed = await db.DataKeys.CountAsync(k => k.DestroyedAt != null, cancellationToken);
        var lastRotation = await db.AuditEntries.AsNoTracking().Where(e => e.Action == RotatedAction)
            .OrderByDescending(e => e.Sequence).Select(e => (DateTime?)e.Timestamp).FirstOrDefaultAsync(cancellationToken);
        return new KeyRingStatus(current, masterKeys.CurrentKeyCreatedAt, lastRotation, live, stale, destroyed);
    }

    /// <summary>Re-wraps every live data key under the current master key (after a master key rotation).</summary>
    public async Task<int> RewrapAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var current = masterKeys.CurrentKeyId;
        var keys = await db.DataKeys.Where(k => k.DestroyedAt == null && k.MasterKeyId != current).ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            var plain = masterKeys.Unwrap(key.MasterKeyId, key.WrappedKey!);
            key.WrappedKey = masterKeys.Wrap(plain);
            key.MasterKeyId = current;
        }

        await db.SaveChangesAsync(cancellationToken);
        return keys.Count;
    }

    /// <summary>The owner's key of the purpose if this instance has it cached as the active one.</summary>
    internal bool TryGetActiveKey(Guid? owner, DataKeyPurpose purpose, out Guid id, out byte[] key)
    {
        if (_active.TryGetValue((owner, purpose), out id) && _keys.TryGetValue(id, out var cached) && cached is not null)
        {
            key = cached;
            return true;
        }

        key = [];
        return false;
    }

    /// <summary>The owner's live key of the purpose in a key table (the oldest, if a race made two), or null.</summary>
    internal static Task<DataKey?> FindLiveKeyAsync(IQueryable<DataKey> keys, Guid? owner, DataKeyPurpose purpose, CancellationToken cancellationToken) =>
        keys.AsNoTracking()
            .Where(k => k.OrganizationId == owner && k.Purpose == purpose && k.DestroyedAt == null)
            .OrderBy(k => k.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Makes a live key row read from the key table the owner's active key here, unwrapping it once.</summary>
    internal (Guid Id, byte[] Key) UseFoundKey(DataKey row)
    {
        var key = _keys.GetOrAdd(row.Id, _ => masterKeys.Unwrap(row.MasterKeyId, row.WrappedKey!))!;
        _active[(row.OrganizationId, row.Purpose)] = row.Id;
        return (row.Id, key);
    }

    /// <summary>
    /// A new key for the owner, wrapped under the current master key, whose row the caller inserts. The interceptor
    /// inserts it in the transaction of the records it encrypts (no second write transaction, and no key row without
    /// its records); other writers get it only after <see cref="PromoteKey"/> (the commit).
    /// </summary>
    internal (DataKey Row, byte[] Key) CreateKey(Guid? owner, DataKeyPurpose purpose)
    {
        var plain = RandomNumberGenerator.GetBytes(32);
        var row = new DataKey
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = owner,
            Purpose = purpose,
            MasterKeyId = masterKeys.CurrentKeyId,
            WrappedKey = masterKeys.Wrap(plain),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        _keys[row.Id] = plain;
        return (row, plain);
    }

    /// <summary>The new key's row was committed: it becomes the owner's active key here (unless one already is).</summary>
    internal void PromoteKey(DataKey row) => _active.TryAdd((row.OrganizationId, row.Purpose), row.Id);

    /// <summary>The new key's row was not written (the transaction rolled back): forget it.</summary>
    internal void DiscardKey(DataKey row) => _keys.TryRemove(row.Id, out _);

    /// <summary>The owner's active key of the purpose: cached, read from the key table, or created there now.</summary>
    internal async Task<(Guid Id, byte[] Key)> ActiveKeyAsync(Guid? organizationId, DataKeyPurpose purpose, CancellationToken cancellationToken)
    {
        if (TryGetActiveKey(organizationId, purpose, out var cachedId, out var cached))
        {
            return (cachedId, cached);
        }

        await _create.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var existing = await FindLiveKeyAsync(db.DataKeys, organizationId, purpose, cancellationToken);
            if (existing is null)
            {
                (existing, _) = CreateKey(organizationId, purpose);
                db.DataKeys.Add(existing);
                await db.SaveChangesAsync(cancellationToken);
            }

            return UseFoundKey(existing);
        }
        finally
        {
            _create.Release();
        }
    }

    private byte[]? LoadKey(Guid id)
    {
        // Materialization is synchronous in EF Core, so a key not yet cached is read synchronously, once.
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var key = db.DataKeys.AsNoTracking().FirstOrDefault(k => k.Id == id);
        return key?.WrappedKey is null ? null : masterKeys.Unwrap(key.MasterKeyId, key.WrappedKey);
    }
}
