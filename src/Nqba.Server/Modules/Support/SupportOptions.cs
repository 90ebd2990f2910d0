using System.ComponentModel.DataAnnotations;
using Nqba.Server.Modules.Support.Sla;

namespace Nqba.Server.Modules.Support;

/// <summary>Settings of the Support module (section <c>Support</c>).</summary>
public sealed class SupportOptions : IValidatableObject
{
    public const string SectionName = "Support";

    /// <summary>Region whose business calendar serves tickets without a client organization.</summary>
    [Required, RegularExpression("^(us-east|us-west|europe|apac)$")]
    public string DefaultRegion { get; set; } = "us-east";

    /// <summary>Domain of the <c>Message-ID</c>s of outgoing replies (keeps threads together).</summary>
    [Required, RegularExpression(@"^[A-Za-z0-9.-]+$")]
    public string MessageIdDomain { get; set; } = "nqba.local";

    /// <summary>Folder where incoming .eml files are picked up (the embedded e-mail-in default), relative to the content root.</summary>
    [Required]
    public string PickupDirectory { get; set; } = Path.Combine("data", "inbox");

    /// <summary>Polls the pickup folder (and the IMAP mailbox when configured) on this instance.</summary>
    public bool MailPollingEnabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MailPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>IMAP server to poll for support mail; empty (the default) leaves IMAP off.</summary>
    public string? ImapHost { get; set; }

    [Range(1, 65535)]
    public int ImapPort { get; set; } = 993;

    /// <summary>Auto, StartTls, SslOnConnect or None.</summary>
    [RegularExpression("^(Auto|StartTls|SslOnConnect|None)$")]
    public string ImapSecurity { get; set; } = "Auto";

    public string? ImapUsername { get; set; }

    public string? ImapPassword { get; set; }

    [Required]
    public string ImapFolder { get; set; } = "INBOX";

    /// <summary>Largest attachment (decoded bytes); larger ones are refused with 413.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public int MaxAttachmentBytes { get; set; } = 512 * 1024;

    [Range(0, 50)]
    public int MaxAttachmentsPerMessage { get; set; } = 5;

    /// <summary>Most tickets one history import (<c>POST /api/support/import</c>) takes; a larger batch is refused with 413.</summary>
    [Range(1, 100_000)]
    public int ImportMaxTickets { get; set; } = 1000;

    /// <summary>Largest body of one history import in bytes; a larger one is refused with 413.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int ImportMaxBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Runs the SLA watch (warnings, breaches, escalations) on this instance; any number of instances may.</summary>
    public bool SlaWatchEnabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SlaCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of a target after which <see cref="SlaWarning"/> is published.</summary>
    [Range(0.1, 0.99)]
    public double WarnAtShare { get; set; } = 0.8;

    /// <summary>
    /// SLA policies; the most specific match wins (see docs/support.md). Configured policies replace the product
    /// defaults (<see cref="SlaPolicy.ProductDefaults"/>, used when none are configured) rather than adding to them.
    /// </summary>
    public List<SlaPolicy> SlaPolicies { get; set; } = [];

    /// <summary>What happens on a warning or breach; configured rules replace the product defaults, as policies do.</summary>
    public List<EscalationRule> Escalations { get; set; } = [];

    /// <summary>How long a survey link stays valid.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan SurveyLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Sends NPS invitations on their schedule from this instance.</summary>
    public bool NpsScheduleEnabled { get; set; } = true;

    /// <summary>An NPS invitation goes to each client contact at most this often.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "730.00:00:00")]
    public TimeSpan NpsInterval { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Validates each SLA policy (data annotations do not descend into list items).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var policy in SlaPolicies)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(policy, new ValidationContext(policy), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{SectionName}:SlaPolicies '{policy.Name}': {result.ErrorMessage}", result.MemberNames);
            }
        }
    }
}
