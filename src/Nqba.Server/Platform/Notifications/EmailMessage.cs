namespace Nqba.Server.Platform.Notifications;

/// <summary>An e-mail to send; <see cref="Attachments"/> carry e.g. iCalendar invites.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<EmailAttachment>? Attachments = null);
