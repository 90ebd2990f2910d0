using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Nqba.Server.Platform.Audit;

/// <summary>
/// Computes an entry's chain hash from its canonical content (fixed field order, invariant formats): HMAC-SHA256
/// under the audit key (<see cref="AuditChainKey"/>), which the database alone does not hold, so a chain edited and
/// recomputed offline does not verify. <see cref="ComputeUnkeyed"/> is the plain SHA-256 of ledgers written before
/// the chain was keyed, used only to re-key them once (<see cref="AuditChainStartup"/>).
/// </summary>
internal static class AuditHasher
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry entry, byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Canonical(entry)));

    public static string ComputeUnkeyed(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Canonical(entry)));

    /// <summary>Timestamps are hashed at microsecond precision, the finest both SQLite and PostgreSQL keep.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    private static byte[] Canonical(AuditEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(entry.PreviousHash);
            json.WriteNumberValue(entry.Sequence);
            json.WriteStringValue(entry.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(entry.ActorId);
            json.WriteStringValue(entry.ActorName);
            json.WriteStringValue(entry.Action);
            json.WriteStringValue(entry.EntityType);
            json.WriteStringValue(entry.EntityId);
            json.WriteStringValue(entry.OrganizationId?.ToString("D"));
            json.WriteStringValue(entry.Before);
            json.WriteStringValue(entry.After);
            json.WriteStringValue(entry.IpAddress);
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
