using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Nqba.Server.Platform.Audit;

/// <summary>Computes an entry's chain hash from its canonical content: fixed field order, invariant formats.</summary>
internal static class AuditHasher
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(AuditEntry entry)
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

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Timestamps are hashed at microsecond precision, the finest both SQLite and PostgreSQL keep.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
}
