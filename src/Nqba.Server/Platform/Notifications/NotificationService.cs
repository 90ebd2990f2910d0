using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Notifications.Templates;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Platform.Notifications;

/// <inheritdoc cref="INotificationService"/>
internal sealed partial class NotificationService : INotificationService, IAsyncDisposable
{
    private readonly HtmlRenderer _renderer;
    private readonly IEmailSender _email;
    private readonly PublicLinks _links;
    private readonly string _defaultLanguage;

    public NotificationService(IServiceProvider services, ILoggerFactory loggers, IEmailSender email, PublicLinks links, IOptions<RequestLocalizationOptions> localization)
    {
        // Mail text is written as characters, not as &#x…; entities (the default encoder's choice for all but ASCII).
        _renderer = new HtmlRenderer(new WithEncoder(services, HtmlEncoder.Create(UnicodeRanges.All)), loggers);
        _email = email;
        _links = links;
        _defaultLanguage = UiCultures.Normalize(localization.Value.DefaultRequestCulture.UICulture.TwoLetterISOLanguageName);
    }

    public async Task<RenderedMail> RenderAsync<TTemplate, TModel>(TModel model, string? language, CancellationToken cancellationToken)
        where TTemplate : MailTemplate<TModel>
    {
        var culture = CultureInfo.GetCultureInfo(LanguageOf(language));
        var subject = await RenderAsync(typeof(TTemplate), model, new MailContext(MailFormat.Subject, culture, _links));
        cancellationToken.ThrowIfCancellationRequested();
        var html = await RenderAsync(typeof(TTemplate), model, new MailContext(MailFormat.Html, culture, _links));
        cancellationToken.ThrowIfCancellationRequested();
        var text = await RenderAsync(typeof(TTemplate), model, new MailContext(MailFormat.Text, culture, _links));
        return new RenderedMail(
            culture.Name,
            Whitespace().Replace(WebUtility.HtmlDecode(subject), " ").Trim(),
            html,
            // The template's own line breaks and indentation are not the mail's: the blocks write theirs as LineBreak.
            TemplateLineBreak().Replace(WebUtility.HtmlDecode(text), string.Empty).Replace(MailContext.LineBreak, '\n').TrimEnd() + "\n");
    }

    public async Task<string> SendAsync<TTemplate, TModel>(Notification<TModel> notification, CancellationToken cancellationToken)
        where TTemplate : MailTemplate<TModel>
    {
        var mail = await RenderAsync<TTemplate, TModel>(notification.Model, notification.Language, cancellationToken);
        return await _email.SendAsync(new EmailMessage(notification.To, mail.Subject, mail.Text, mail.Html, notification.Attachments, notification.Threading), cancellationToken);
    }

    /// <summary>The supported language (en, de, ja) of a language or culture name such as <c>de-AT</c>; the default culture's otherwise.</summary>
    public string LanguageOf(string? language)
    {
        var code = language?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return UiCultures.IsSupported(code) ? code! : _defaultLanguage;
    }

    public ValueTask DisposeAsync() => _renderer.DisposeAsync();

    private Task<string> RenderAsync(Type template, object? model, MailContext context) =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = context.Culture;
            CultureInfo.CurrentUICulture = context.Culture;
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MailRoot.Template)] = template,
                [nameof(MailRoot.Model)] = model,
                [nameof(MailRoot.Context)] = context,
            });
            var output = await _renderer.RenderComponentAsync<MailRoot>(parameters);
            return output.ToHtmlString();
        });

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[ \t]*\r?\n\s*")]
    private static partial Regex TemplateLineBreak();

    /// <summary>The application's services, with the HTML encoder the renderer takes swapped for one that keeps every script as is.</summary>
    private sealed class WithEncoder(IServiceProvider inner, HtmlEncoder encoder) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? encoder : inner.GetService(serviceType);
    }
}
