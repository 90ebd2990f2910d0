namespace Nqba.Server.Platform.Notifications;

/// <summary>Sends e-mail: through the configured SMTP server, or into the outbox folder when none is configured.</summary>
public interface IEmailSender
{
    /// <summary>Sends the message; returns where it went (the SMTP server's answer, or the .eml file's path).</summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
