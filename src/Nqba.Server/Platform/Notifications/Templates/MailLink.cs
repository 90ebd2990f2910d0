using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>
/// A labelled link on a line of its own. A <see cref="Href"/> starting with <c>/</c> is a page of this server and
/// becomes absolute under <c>Platform:PublicUrl</c>; any other is written as given (e.g. a video room).
/// </summary>
public sealed class MailLink : MailBlock
{
    [Parameter, EditorRequired]
    public string Label { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public string Href { get; set; } = string.Empty;

    private string Url => Href.StartsWith('/') ? Mail.Links.To(Href) : Href;

    protected override void BuildHtml(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "style", "margin:0 0 1em");
        builder.OpenElement(2, "a");
        builder.AddAttribute(3, "href", Url);
        builder.AddContent(4, Label);
        builder.CloseElement();
        builder.CloseElement();
    }

    protected override string TextOf(MailContext mail) => $"{Label}: {Url}\n";
}
