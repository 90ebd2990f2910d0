using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>One labelled value on a line of its own ("When: …"); consecutive facts stay together in the text body.</summary>
public sealed class MailFact : MailBlock
{
    [Parameter, EditorRequired]
    public string Label { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public string? Value { get; set; }

    protected override void BuildHtml(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "style", "margin:0 0 .25em");
        builder.OpenElement(2, "strong");
        builder.AddContent(3, Label);
        builder.CloseElement();
        builder.AddContent(4, ": ");
        builder.AddContent(5, Value);
        builder.CloseElement();
    }

    protected override string TextOf(MailContext mail) => $"{Label}: {Value}\n";
}
