using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Protection;

/// <inheritdoc/>
internal sealed class LocalMasterKeyProvider : IMasterKeyProvider
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string IdTimeFormat = "yyyyMMddHHmmss";
    private readonly Lock _lock = new();
    private readonly string? _path;
    private readonly TimeProvider _time;
    private KeyRing _ring;

    public LocalMasterKeyProvider(IOptions<ProtectionOptions> options, IHostEnvironment environment, TimeProvider time)
    {
        _time = time;
        if (options.Value.MasterKey is { Length: > 0 } configured)
        {
            var key = Convert.FromBase64String(configured);
            if (key.Length != 32)
            {
                throw new StartupException("Protection:MasterKey must be the base64 of 32 bytes (an AES-256 key).");
            }

            _ring = new KeyRing("configured", new Dictionary<string, string> { ["configured"] = configured });
            return;
        }

        _path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.MasterKeyFile));
        if (File.Exists(_path))
        {
            OwnerOnlyFiles.Restrict(_path);
            _ring = JsonSerializer.Deserialize<KeyRing>(File.ReadAllText(_path))
                ?? throw new StartupException($"Protection:MasterKeyFile '{_path}' is empty.");
        }
        else
        {
            _ring = NewRing(null);
            Save();
        }
    }

    public string CurrentKeyId
    {
        get
        {
            lock (_lock)
            {
                return _ring.Current;
            }
        }
    }

    public DateTime? CurrentKeyCreatedAt =>
        CurrentKeyId is ['m', 'k', '-', .. var rest] && rest.Length >= 14 &&
        DateTime.TryParseExact(rest[..14], IdTimeFormat, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : null;

    public byte[] Wrap(byte[] dataKey)
    {
        string id;
        byte[] key;
        lock (_lock)
        {
            id = _ring.Current;
            key = Convert.FromBase64String(_ring.Keys[id]);
        }

        using var aes = new AesGcm(key, TagSize);
        var output = new byte[NonceSize + dataKey.Length + TagSize];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        aes.Encrypt(output.AsSpan(0, NonceSize), dataKey, output.AsSpan(NonceSize, dataKey.Length), output.AsSpan(NonceSize + dataKey.Length), System.Text.Encoding.UTF8.GetBytes(id));
        return output;
    }

    public byte[] Unwrap(string masterKeyId, byte[] wrappedKey)
    {
        byte[] key;
        lock (_lock)
        {
            key = _ring.Keys.TryGetValue(masterKeyId, out var encoded)
                ? Convert.FromBase64String(encoded)
                : throw new CryptographicException($"Master key '{masterKeyId}' is not in the key ring.");
        }

        using var aes = new AesGcm(key, TagSize);
        var dataKey = new byte[wrappedKey.Length - NonceSize - TagSize];
        aes.Decrypt(wrappedKey.AsSpan(0, NonceSize), wrappedKey.AsSpan(NonceSize, dataKey.Length), wrappedKey.AsSpan(NonceSize + dataKey.Length), dataKey, System.Text.Encoding.UTF8.GetBytes(masterKeyId));
        return dataKey;
    }

    public string Rotate()
    {
        if (_path is null)
        {
            throw new InvalidOperationException("The master key comes from Protection:MasterKey; rotate it where it is kept.");
        }

        lock (_lock)
        {
            _ring = NewRing(_ring);
            Save();
            return _ring.Current;
        }
    }

    private KeyRing NewRing(KeyRing? previous)
    {
        var id = "mk-" + _time.GetUtcNow().ToString(IdTimeFormat, System.Globalization.CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var keys = new Dictionary<string, string>(previous?.Keys ?? new Dictionary<string, string>()) { [id] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        return new KeyRing(id, keys);
    }

    private void Save()
    {
        OwnerOnlyFiles.CreateOrRestrictDirectory(Path.GetDirectoryName(_path)!);
        var temp = _path + ".tmp";
        OwnerOnlyFiles.WriteAllText(temp, JsonSerializer.Serialize(_ring));
        File.Move(temp, _path!, overwrite: true);
    }

    private sealed record KeyRing(string Current, Dictionary<string, string> Keys);
}
