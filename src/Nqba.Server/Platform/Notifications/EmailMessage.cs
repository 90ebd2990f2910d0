namespace Nqba.Server.Platform.Notifications;

/// <summary>
/// An e-mail to send; <see cref="Attachments"/> carry e.g. iCalendar invites, <see cref="Threading"/> the headers
/// that keep a conversation in one thread of the recipient's mail client.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<EmailAttachment>? Attachments = null, EmailThreading? Threading = null);
