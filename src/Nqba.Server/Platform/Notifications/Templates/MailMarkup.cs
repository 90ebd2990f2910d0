using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>
/// Someone's message that comes with an HTML version of its own (an agent's formatted reply): <see cref="Html"/> in
/// the HTML body as written, <see cref="Text"/> in the text body. Without HTML it is a <see cref="MailQuote"/>.
/// </summary>
public sealed class MailMarkup : MailBlock
{
    [Parameter, EditorRequired]
    public string Text { get; set; } = string.Empty;

    [Parameter]
    public string? Html { get; set; }

    protected override void BuildHtml(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        if (string.IsNullOrWhiteSpace(Html))
        {
            builder.AddAttribute(1, "style", "margin:0 0 1em;white-space:pre-wrap");
            builder.AddContent(2, Text);
        }
        else
        {
            builder.AddAttribute(3, "style", "margin:0 0 1em");
            builder.AddMarkupContent(4, Html);
        }

        builder.CloseElement();
    }

    protected override string TextOf(MailContext mail) => Text.TrimEnd() + "\n\n";
}
