using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// SLA targets for the tickets its conditions match: channel, priority, client organization, a tag, a subject
/// pattern (each optional; a policy with none is a catch-all). A target left empty means that clock does not run
/// for these tickets (all three empty: "no SLA"). Targets are business time on the policy's calendar (else the ticket's
/// team's, else its region's), or wall-clock time when <see cref="AroundTheClock"/>.
/// </summary>
public sealed class SlaPolicy : IValidatableObject
{
    [Required, MaxLength(80)]
    public string Name { get; set; } = string.Empty;

    public TicketChannel? Channel { get; set; }

    public TicketPriority? Priority { get; set; }

    /// <summary>Only tickets of this client organization.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>Only tickets carrying this tag.</summary>
    [MaxLength(40)]
    public string? Tag { get; set; }

    /// <summary>Only tickets whose subject matches this regular expression (case-insensitive).</summary>
    [MaxLength(200)]
    public string? SubjectPattern { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan? FirstResponse { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan? NextResponse { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan? Resolution { get; set; }

    /// <summary>24/7 clock instead of a business calendar.</summary>
    public bool AroundTheClock { get; set; }

    /// <summary>The business calendar (its code) these targets are measured on; empty: the ticket team's, else its region's.</summary>
    [MaxLength(40)]
    public string? Calendar { get; set; }

    /// <summary>
    /// How specific the policy is: a priority condition weighs most, then organization, tag, subject and channel;
    /// between equally specific policies the first listed wins.
    /// </summary>
    internal int Specificity =>
        (Priority is null ? 0 : 16) + (OrganizationId is null ? 0 : 8) + (string.IsNullOrEmpty(Tag) ? 0 : 4) + (string.IsNullOrEmpty(SubjectPattern) ? 0 : 2) + (Channel is null ? 0 : 1);

    internal bool Matches(SlaSubject ticket) =>
        (Channel is null || Channel == ticket.Channel)
        && (Priority is null || Priority == ticket.Priority)
        && (OrganizationId is null || OrganizationId == ticket.OrganizationId)
        && (string.IsNullOrEmpty(Tag) || ticket.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase))
        && (string.IsNullOrEmpty(SubjectPattern) || Regex.IsMatch(ticket.Subject, SubjectPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SubjectPattern))
        {
            string? problem = null;
            try
            {
                _ = new Regex(SubjectPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
            }
            catch (ArgumentException e)
            {
                problem = e.Message;
            }

            if (problem is not null)
            {
                yield return new ValidationResult($"SLA policy '{Name}': SubjectPattern is not a regular expression ({problem}).", [nameof(SubjectPattern)]);
            }
        }
    }

    /// <summary>The product's targets (DESIGN.md): chat 30 s, e-mail 2 h, ticket 4 h / urgent 1 h, emergency 15 min 24/7.</summary>
    public static List<SlaPolicy> ProductDefaults() =>
    [
        new() { Name = "Standard ticket", FirstResponse = TimeSpan.FromHours(4), NextResponse = TimeSpan.FromHours(8), Resolution = TimeSpan.FromHours(40) },
        new() { Name = "Urgent ticket", Priority = TicketPriority.Urgent, FirstResponse = TimeSpan.FromHours(1), NextResponse = TimeSpan.FromHours(2), Resolution = TimeSpan.FromHours(16) },
        new() { Name = "E-mail", Channel = TicketChannel.Email, FirstResponse = TimeSpan.FromHours(2), NextResponse = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(40) },
        new() { Name = "Live chat", Channel = TicketChannel.Chat, FirstResponse = TimeSpan.FromSeconds(30), NextResponse = TimeSpan.FromMinutes(2), Resolution = TimeSpan.FromHours(8) },
        new() { Name = "Emergency", Priority = TicketPriority.Emergency, FirstResponse = TimeSpan.FromMinutes(15), NextResponse = TimeSpan.FromMinutes(30), Resolution = TimeSpan.FromHours(4), AroundTheClock = true },
    ];
}
