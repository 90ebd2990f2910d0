using System.Globalization;
using System.Net;

namespace Nqba.Server.Modules.Monitoring.StatusPage;

/// <summary>A shields-style SVG badge: the component's name on the left, its state on the right in the state's colour.</summary>
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
            _ => ("unknown", "#9f9f9f"),
        };
        var left = Width(label);
        var right = Width(text);
        var total = left + right;
        var l = WebUtility.HtmlEncode(label);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{N(total)}" height="20" role="img" aria-label="{l}: {text}">
              <title>{l}: {text}</title>
              <rect width="{N(left)}" height="20" fill="#555"/>
              <rect x="{N(left)}" width="{N(right)}" height="20" fill="{color}"/>
              <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
                <text x="{N(left / 2)}" y="14">{l}</text>
                <text x="{N(left + (right / 2))}" y="14">{text}</text>
              </g>
            </svg>
            """;
    }

    private static double Width(string text) => 10 + (text.Length * 6.5);
}
