using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Notifications;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>Sender address, e.g. <c>NQBA &lt;noreply@example.com&gt;</c>.</summary>
    [Required]
    public string From { get; set; } = "NQBA <noreply@nqba.local>";

    /// <summary>SMTP server. Empty (the embedded default): messages are written as .eml files to <see cref="OutboxDirectory"/>.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls (required), SslOnConnect (port 465) or None.</summary>
    public string SmtpSecurity { get; set; } = "Auto";

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Where messages go without an SMTP server, relative to the content root.</summary>
    public string OutboxDirectory { get; set; } = Path.Combine("data", "outbox");
}
