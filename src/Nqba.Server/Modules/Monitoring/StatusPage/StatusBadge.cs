using System.Globalization;
using System.Net;

namespace Nqba.Server.Modules.Monitoring.StatusPage;

/// <summary>Shields-style SVG badges: a label on the left, a value (state, uptime, response time) on the right in its colour.</summary>
internal static class StatusBadge
{
    public static string Render(string label, ServiceState state)
    {
        var (text, color) = state switch
        {
            ServiceState.Up => ("up", "#2ea44f"),
            ServiceState.Degraded => ("degraded", "#dfb317"),
            ServiceState.Down => ("down", "#e05d44"),
            ServiceState.Maintenance => ("maintenance", "#1f6feb"),
            ServiceState.Pending => ("pending", "#fe7d37"),
            _ => ("unknown", "#9f9f9f"),
        };
        return Render(label, text, color);
    }

    /// <summary>Availability over a period: green at or above the target, amber down to 95 %, red below; grey without data.</summary>
    public static string Uptime(string label, double? percent, decimal targetPercent) => percent switch
    {
        null => Render(label, "no data", Grey),
        { } p => Render(label, p.ToString("0.##", CultureInfo.InvariantCulture) + "%", p >= (double)targetPercent ? "#2ea44f" : p >= 95 ? "#dfb317" : "#e05d44"),
    };

    /// <summary>Average response time in milliseconds.</summary>
    public static string Ping(string label, double? milliseconds) => milliseconds is { } ms
        ? Render(label, Math.Round(ms).ToString("0", CultureInfo.InvariantCulture) + " ms", "#007ec6")
        : Render(label, "no data", Grey);

    /// <summary>Whole days left of a certificate: red at or below <paramref name="downDays"/>, amber at or below <paramref name="degradedDays"/>.</summary>
    public static string CertificateExpiry(string label, double? daysLeft, int degradedDays, int downDays) => daysLeft switch
    {
        null => Render(label, "no data", Grey),
        < 0 => Render(label, "expired", "#e05d44"),
        { } d => Render(
            label,
            Math.Floor(d).ToString("0", CultureInfo.InvariantCulture) + (Math.Floor(d) == 1 ? " day" : " days"),
            d <= downDays ? "#e05d44" : d <= degradedDays ? "#dfb317" : "#2ea44f"),
    };

    public static string Render(string label, string text, string color)
    {
        var left = Width(label);
        var right = Width(text);
        var total = left + right;
        var l = WebUtility.HtmlEncode(label);
        var t = WebUtility.HtmlEncode(text);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{N(total)}" height="20" role="img" aria-label="{l}: {t}">
              <title>{l}: {t}</title>
              <rect width="{N(left)}" height="20" fill="#555"/>
              <rect x="{N(left)}" width="{N(right)}" height="20" fill="{color}"/>
              <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
                <text x="{N(left / 2)}" y="14">{l}</text>
                <text x="{N(left + (right / 2))}" y="14">{t}</text>
              </g>
            </svg>
            """;
    }

    private const string Grey = "#9f9f9f";

    private static double Width(string text) => 10 + (text.Length * 6.5);
}
