using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Nqba.Server.Platform.Backup;

/// <summary>
/// The backup file format: magic, a JSON header, then the database in 1 MiB chunks, each sealed with
/// AES-256-GCM under a fresh nonce. The header is bound to every chunk as associated data, and each chunk
/// to its index and to whether it is the last, so a reordered, truncated, extended or edited file fails to
/// decrypt. The plaintext's SHA-256 in the header is checked after decryption as well.
/// </summary>
internal static class BackupCipher
{
    private const int ChunkSize = 1 << 20;
    private const int TagSize = 16;
    private const int NonceSize = 12;
    private static readonly byte[] Magic = "NQBAK001"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task EncryptAsync(Stream plaintext, Stream output, BackupHeader header, byte[] key, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        await output.WriteAsync(Magic, cancellationToken);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, headerBytes.Length);
        await output.WriteAsync(length, cancellationToken);
        await output.WriteAsync(headerBytes, cancellationToken);

        using var aes = new AesGcm(key, TagSize);
        var buffer = new byte[ChunkSize];
        var next = new byte[ChunkSize];
        var read = await ReadFullAsync(plaintext, buffer, cancellationToken);
        long index = 0;
        long done = 0;
        while (true)
        {
            var nextRead = read == ChunkSize ? await ReadFullAsync(plaintext, next, cancellationToken) : 0;
            var last = nextRead == 0;
            await WriteChunkAsync(aes, output, buffer.AsMemory(0, read), index, last, headerBytes, cancellationToken);
            done += read;
            progress?.Report(header.PlaintextBytes == 0 ? 1 : (double)done / header.PlaintextBytes);
            if (last)
            {
                break;
            }

            (buffer, next) = (next, buffer);
            read = nextRead;
            index++;
        }
    }

    public static async Task<BackupHeader> ReadHeaderAsync(Stream input, CancellationToken cancellationToken)
    {
        var (header, _) = await ReadHeaderWithBytesAsync(input, cancellationToken);
        return header;
    }

    /// <summary>Decrypts to <paramref name="plaintext"/>; throws <see cref="BackupCorruptException"/> on any tampering.</summary>
    public static async Task<BackupHeader> DecryptAsync(Stream input, Stream plaintext, byte[] key, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var (header, headerBytes) = await ReadHeaderWithBytesAsync(input, cancellationToken);
        using var aes = new AesGcm(key, TagSize);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var lengthBytes = new byte[4];
        var nonce = new byte[NonceSize];
        var tag = new byte[TagSize];
        var cipher = new byte[ChunkSize];
        var plain = new byte[ChunkSize];
        long index = 0;
        long done = 0;
        var sawLast = false;
        while (!sawLast)
        {
            if (await ReadFullAsync(input, lengthBytes, cancellationToken) != 4)
            {
                throw new BackupCorruptException("the file ends before its last chunk (truncated)");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
            var last = (length & int.MinValue) != 0;
            length &= int.MaxValue;
            if (length > ChunkSize || await ReadFullAsync(input, nonce, cancellationToken) != NonceSize ||
                await ReadFullAsync(input, cipher.AsMemory(0, length), cancellationToken) != length ||
                await ReadFullAsync(input, tag, cancellationToken) != TagSize)
            {
                throw new BackupCorruptException($"chunk {index} is incomplete");
            }

            try
            {
                aes.Decrypt(nonce, cipher.AsSpan(0, length), tag, plain.AsSpan(0, length), AssociatedData(headerBytes, index, last));
            }
            catch (AuthenticationTagMismatchException ex)
            {
                throw new BackupCorruptException($"chunk {index} fails authentication (modified, reordered, or a different key)", ex);
            }

            sha.AppendData(plain, 0, length);
            await plaintext.WriteAsync(plain.AsMemory(0, length), cancellationToken);
            done += length;
            progress?.Report(header.PlaintextBytes == 0 ? 1 : (double)done / header.PlaintextBytes);
            sawLast = last;
            index++;
        }

        if (input.ReadByte() != -1)
        {
            throw new BackupCorruptException("data follows the last chunk");
        }

        var digest = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (!string.Equals(digest, header.PlaintextSha256, StringComparison.Ordinal) || done != header.PlaintextBytes)
        {
            throw new BackupCorruptException("the restored database does not match the checksum recorded at backup time");
        }

        return header;
    }

    private static async Task WriteChunkAsync(AesGcm aes, Stream output, ReadOnlyMemory<byte> chunk, long index, bool last, byte[] headerBytes, CancellationToken cancellationToken)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var cipher = new byte[chunk.Length];
        var tag = new byte[TagSize];
        aes.Encrypt(nonce, chunk.Span, cipher, tag, AssociatedData(headerBytes, index, last));
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, chunk.Length | (last ? int.MinValue : 0));
        await output.WriteAsync(length, cancellationToken);
        await output.WriteAsync(nonce, cancellationToken);
        await output.WriteAsync(cipher, cancellationToken);
        await output.WriteAsync(tag, cancellationToken);
    }

    private static byte[] AssociatedData(byte[] headerBytes, long index, bool last)
    {
        var data = new byte[headerBytes.Length + 9];
        headerBytes.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(headerBytes.Length), index);
        data[^1] = last ? (byte)1 : (byte)0;
        return data;
    }

    private static async Task<(BackupHeader Header, byte[] Bytes)> ReadHeaderWithBytesAsync(Stream input, CancellationToken cancellationToken)
    {
        var magic = new byte[Magic.Length];
        if (await ReadFullAsync(input, magic, cancellationToken) != Magic.Length || !magic.AsSpan().SequenceEqual(Magic))
        {
            throw new BackupCorruptException("not an NQBA backup file (bad magic)");
        }

        var lengthBytes = new byte[4];
        await ReadFullAsync(input, lengthBytes, cancellationToken);
        var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
        if (length is <= 0 or > 1 << 20)
        {
            throw new BackupCorruptException("the header length is implausible");
        }

        var bytes = new byte[length];
        if (await ReadFullAsync(input, bytes, cancellationToken) != length)
        {
            throw new BackupCorruptException("the header is truncated");
        }

        try
        {
            return (JsonSerializer.Deserialize<BackupHeader>(bytes, Json) ?? throw new BackupCorruptException("the header is empty"), bytes);
        }
        catch (JsonException ex)
        {
            throw new BackupCorruptException("the header is not valid JSON: " + Encoding.UTF8.GetString(bytes[..Math.Min(40, bytes.Length)]), ex);
        }
    }

    private static async Task<int> ReadFullAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer[total..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
