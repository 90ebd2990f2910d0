using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>Text someone wrote (an agent's reply, an incident update, a transcript), line breaks kept, never read as markup.</summary>
public sealed class MailQuote : MailBlock
{
    [Parameter, EditorRequired]
    public string Text { get; set; } = string.Empty;

    protected override void BuildHtml(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "style", "margin:0 0 1em;white-space:pre-wrap");
        builder.AddContent(2, Text);
        builder.CloseElement();
    }

    protected override string TextOf(MailContext mail) => Text.TrimEnd() + "\n\n";
}
