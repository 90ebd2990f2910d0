using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>Renders a template with its model under the pass's <see cref="MailContext"/>; in the HTML pass inside the document's frame.</summary>
internal sealed class MailRoot : ComponentBase
{
    [Parameter, EditorRequired]
    public Type Template { get; set; } = default!;

    [Parameter, EditorRequired]
    public object? Model { get; set; }

    [Parameter, EditorRequired]
    public MailContext Context { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Context.Format == MailFormat.Html)
        {
            builder.AddMarkupContent(0, "<!DOCTYPE html>");
            builder.OpenElement(1, "html");
            builder.AddAttribute(2, "lang", Context.Culture.TwoLetterISOLanguageName);
            builder.OpenElement(3, "head");
            builder.AddMarkupContent(4, "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
            builder.CloseElement();
            builder.OpenElement(5, "body");
            builder.AddAttribute(6, "style", "margin:0;padding:24px;background:#ffffff;color:#1f2328;font:15px/1.5 -apple-system,'Segoe UI',Roboto,'Noto Sans JP',sans-serif");
            builder.OpenElement(7, "div");
            builder.AddAttribute(8, "style", "max-width:600px");
            Content(builder);
            builder.CloseElement();
            builder.CloseElement();
            builder.CloseElement();
        }
        else
        {
            Content(builder);
        }
    }

    private void Content(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<MailContext>>(10);
        builder.AddComponentParameter(11, nameof(CascadingValue<MailContext>.Value), Context);
        builder.AddComponentParameter(12, nameof(CascadingValue<MailContext>.IsFixed), true);
        builder.AddComponentParameter(13, nameof(CascadingValue<MailContext>.ChildContent), (RenderFragment)(child =>
        {
            child.OpenComponent(0, Template);
            child.AddComponentParameter(1, "Model", Model);
            child.CloseComponent();
        }));
        builder.CloseComponent();
    }
}
