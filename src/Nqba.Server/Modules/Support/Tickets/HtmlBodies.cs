using Ganss.Xss;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// Makes message HTML safe to show agents and clients (HtmlSanitizer: scripts, event handlers, javascript: URLs
/// and unknown tags removed) and derives a plain-text version when only HTML was sent.
/// </summary>
internal sealed class HtmlBodies
{
    private readonly HtmlSanitizer _sanitizer = new();

    public HtmlBodies()
    {
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedTags.Remove("form");
    }

    public string? Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? null : _sanitizer.Sanitize(html);

    /// <summary>The text content of sanitized HTML (tags dropped, whitespace collapsed).</summary>
    public static string TextOf(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = parser.ParseDocument(html);
        var text = document.Body?.TextContent ?? string.Empty;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
