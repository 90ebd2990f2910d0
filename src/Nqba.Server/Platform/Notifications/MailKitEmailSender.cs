using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Nqba.Server.Platform.Notifications;

/// <inheritdoc/>
internal sealed partial class MailKitEmailSender(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mail = Build(message);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.OutboxDirectory));
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml");
            // Written under a temporary name and renamed: whoever picks up *.eml never sees half a message.
            await mail.WriteToAsync(path + ".tmp", cancellationToken);
            File.Move(path + ".tmp", path);
            LogWritten(logger, path);
            return path;
        }

        using var client = new SmtpClient();
        var security = o.SmtpSecurity switch
        {
            "None" => SecureSocketOptions.None,
            "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUsername))
        {
            await client.AuthenticateAsync(o.SmtpUsername, o.SmtpPassword ?? string.Empty, cancellationToken);
        }

        var answer = await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(logger, o.SmtpHost);
        return answer;
    }

    private MimeMessage Build(EmailMessage message)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.Value.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Subject;
        mail.Date = time.GetUtcNow();
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mail.Body = body.ToMessageBody();
        if (message.Threading is { } threading)
        {
            mail.MessageId = threading.MessageId;
            mail.InReplyTo = threading.InReplyTo;
            foreach (var reference in threading.References ?? [])
            {
                mail.References.Add(reference);
            }
        }

        return mail;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail written to the outbox: {Path}")]
    private static partial void LogWritten(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail sent through {Host}")]
    private static partial void LogSent(ILogger logger, string host);
}
