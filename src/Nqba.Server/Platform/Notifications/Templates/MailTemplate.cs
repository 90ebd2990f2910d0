using Microsoft.AspNetCore.Components;

namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>
/// Base of a mail template: a Razor component rendered three times (subject, HTML, text) from one model. A template
/// is made of the mail building blocks only (<see cref="MailSubject"/>, <see cref="MailParagraph"/>,
/// <see cref="MailFact"/>, <see cref="MailLink"/>, <see cref="MailQuote"/>), each of which knows how to write itself in every pass.
/// </summary>
public abstract class MailTemplate<TModel> : ComponentBase
{
    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;

    [CascadingParameter]
    public MailContext Mail { get; set; } = default!;
}
