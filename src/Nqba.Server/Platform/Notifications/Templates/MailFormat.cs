namespace Nqba.Server.Platform.Notifications.Templates;

/// <summary>What one rendering pass of a mail template produces.</summary>
public enum MailFormat
{
    /// <summary>The subject line only (<see cref="MailSubject"/>).</summary>
    Subject,

    /// <summary>The HTML body.</summary>
    Html,

    /// <summary>The plain-text body.</summary>
    Text,
}
