using Ganss.Xss;
using Markdig;

namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>
/// Renders article Markdown with Markdig (raw HTML in the source is shown as text, not passed through) and then
/// sanitizes the HTML with HtmlSanitizer, so neither a script tag nor a <c>javascript:</c> link survives.
/// </summary>
internal sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private readonly HtmlSanitizer _sanitizer = new();

    public string ToHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    public string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, _pipeline);
}
