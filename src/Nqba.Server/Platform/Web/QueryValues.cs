using System.Globalization;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// Typed values of a page's query string. Pages take their query parameters as text and read them through these:
/// a typed <c>[SupplyParameterFromQuery]</c> throws on "?sent=abc", which would answer a mistyped link with a 500.
/// A value that does not parse is treated as absent.
/// </summary>
public static class QueryValues
{
    public static int? Count(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static long? Number(string? value) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static bool Flag(string? value) => bool.TryParse(value, out var b) && b;

    /// <summary>A time of day as a browser's time field sends it (HH:mm, H:mm, or with seconds), in a query or a form.</summary>
    public static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    public static Guid? Id(string? value) => System.Guid.TryParse(value, out var g) ? g : null;

    /// <summary>A calendar day, never the last one a <see cref="DateTime"/> holds, so "the day after" can be computed.</summary>
    public static DateTime? Date(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Date < DateTime.MaxValue.Date ? d.Date : null;
}
