using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>A paragraph of text.</summary>
public sealed class MailParagraph : MailBlock
{
    [Parameter, EditorRequired]
    public string Text { get; set; } = string.Empty;

    protected override void BuildHtml(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "style", "margin:0 0 1em");
        builder.AddContent(2, Text);
        builder.CloseElement();
    }

    protected override string TextOf(MailContext mail) => Text + "\n\n";
}
