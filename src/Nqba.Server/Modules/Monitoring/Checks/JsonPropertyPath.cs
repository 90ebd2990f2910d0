using System.Globalization;
using System.Text.Json;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>
/// A simple property path into a JSON document: <c>status</c>, <c>data.items[0].ok</c>, optionally starting
/// with <c>$.</c>. Enough for health payloads; not a JSONPath implementation.
/// </summary>
internal static class JsonPropertyPath
{
    public static bool TryRead(JsonElement root, string path, out string? value)
    {
        value = null;
        var current = root;
        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        foreach (var segment in trimmed.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment;
            var indexes = new List<int>();
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = segment[..bracket];
                foreach (var part in segment[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(part.TrimEnd(']'), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        return false;
                    }

                    indexes.Add(index);
                }
            }

            if (name.Length > 0)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                {
                    return false;
                }
            }

            foreach (var index in indexes)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return false;
                }

                current = current[index];
            }
        }

        value = current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => current.GetRawText(),
        };
        return true;
    }
}
