using Nqba.Server.Platform.Notifications.Templates;

namespace Nqba.Server.Platform.Notifications;

/// <summary>
/// Renders every mail the product sends from its template (a Razor component deriving from
/// <see cref="MailTemplate{TModel}"/>) in the recipient's language, HTML and plain text, and sends it.
/// </summary>
public interface INotificationService
{
    /// <summary>Renders <typeparamref name="TTemplate"/> with <paramref name="model"/> in <paramref name="language"/> (null or unsupported: the default culture).</summary>
    Task<RenderedMail> RenderAsync<TTemplate, TModel>(TModel model, string? language, CancellationToken cancellationToken)
        where TTemplate : MailTemplate<TModel>;

    /// <summary>Renders and sends the notification; returns where it went (see <see cref="IEmailSender"/>).</summary>
    Task<string> SendAsync<TTemplate, TModel>(Notification<TModel> notification, CancellationToken cancellationToken)
        where TTemplate : MailTemplate<TModel>;
}
