namespace Nqba.Server.Platform.Residency;

/// <summary>What a main-database column holds for a value kept in a zone's store: <c>res1:ZONE:id</c> (as ASCII in a byte column).</summary>
internal static class ResidencyReference
{
    public const string Prefix = "res1:";

    public static bool IsReference(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>True when a byte column holds a reference (its ASCII text) rather than a value.</summary>
    public static bool IsReference(byte[]? value) => value is not null && value.AsSpan().StartsWith("res1:"u8);

    public static bool TryParse(byte[] value, out string zone, out Guid id)
    {
        zone = string.Empty;
        id = Guid.Empty;
        return IsReference(value) && value.Length < 128 && TryParse(System.Text.Encoding.ASCII.GetString(value), out zone, out id);
    }

    public static string Format(string zone, Guid id) => $"{Prefix}{zone.ToUpperInvariant()}:{id:N}";

    public static bool TryParse(string value, out string zone, out Guid id)
    {
        zone = string.Empty;
        id = Guid.Empty;
        if (!IsReference(value))
        {
            return false;
        }

        var rest = value.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !Guid.TryParseExact(rest[(colon + 1)..], "N", out id))
        {
            return false;
        }

        zone = rest[..colon].ToString();
        return true;
    }
}
