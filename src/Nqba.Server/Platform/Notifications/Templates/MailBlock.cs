using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>A building block of mail templates: writes itself in the pass of the cascaded <see cref="MailContext"/>.</summary>
public abstract class MailBlock : ComponentBase
{
    [CascadingParameter]
    public MailContext Mail { get; set; } = default!;

    protected sealed override void BuildRenderTree(RenderTreeBuilder builder)
    {
        switch (Mail.Format)
        {
            case MailFormat.Subject:
                BuildSubject(builder);
                break;
            case MailFormat.Html:
                BuildHtml(builder);
                break;
            default:
                builder.AddContent(0, TextOf(Mail).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', MailContext.LineBreak));
                break;
        }
    }

    /// <summary>Writes the block in the subject pass: nothing, except for <see cref="MailSubject"/>.</summary>
    protected virtual void BuildSubject(RenderTreeBuilder builder)
    {
    }

    protected abstract void BuildHtml(RenderTreeBuilder builder);

    /// <summary>The block in the plain-text body, with its own line breaks (<c>\n</c>).</summary>
    protected abstract string TextOf(MailContext mail);
}
