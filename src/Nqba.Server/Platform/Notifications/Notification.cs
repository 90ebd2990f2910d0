namespace Nqba.Server.Platform.Notifications;

/// <summary>One mail to send: the recipient, their language (null or unsupported: the default culture) and the template's model.</summary>
public sealed record Notification<TModel>(string To, string? Language, TModel Model)
{
    /// <summary>Files to attach, e.g. an iCalendar invite.</summary>
    public IReadOnlyList<EmailAttachment>? Attachments { get; init; }

    /// <summary>Threading headers, e.g. of a ticket's conversation.</summary>
    public EmailThreading? Threading { get; init; }
}
