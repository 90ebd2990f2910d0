using System.Globalization;

namespace Nqba.Server.Platform.Web;

/// <summary>An entity's tag, its version number quoted (<c>"7"</c>), and the If-Match header that sends it back.</summary>
public static class EntityTag
{
    public static string Of(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>
    /// The version an If-Match header requires: null when there is none or it is <c>*</c> (any version); -1, which no
    /// entity has, when it names something else (a list, another server's tag), so the write fails with 412.
    /// </summary>
    public static int? Expected(string? ifMatch)
    {
        var value = ifMatch?.Trim();
        if (string.IsNullOrEmpty(value) || value == "*")
        {
            return null;
        }

        // Weak tags are accepted too: some proxies weaken the tags they pass on.
        value = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        return value.Length > 2 && value[0] == '"' && value[^1] == '"'
            && int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
    }
}
