using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>The mail's subject line; appears in no body.</summary>
public sealed class MailSubject : MailBlock
{
    [Parameter, EditorRequired]
    public string Text { get; set; } = string.Empty;

    protected override void BuildSubject(RenderTreeBuilder builder) => builder.AddContent(0, Text);

    protected override void BuildHtml(RenderTreeBuilder builder)
    {
    }

    protected override string TextOf(MailContext mail) => string.Empty;
}
