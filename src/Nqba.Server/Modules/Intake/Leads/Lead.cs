using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>
/// A prospect's first contact with the company, owned by one client organization; the contact's name, e-mail
/// and message are encrypted under the contact's own data key (the organization's for leads without a contact).
/// </summary>
internal sealed class Lead : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid ClientOrganizationId { get; set; }

    /// <summary>The contact who sent it (null for leads captured before contacts existed).</summary>
    public Guid? ContactId { get; set; }

    [Encrypted]
    public required string ContactName { get; set; }

    [Encrypted]
    public required string ContactEmail { get; set; }

    /// <summary>Keyed hash of <see cref="ContactEmail"/>: how a person's leads are found (privacy requests).</summary>
    public string? ContactEmailHash { get; set; }

    public string? CompanyName { get; set; }

    /// <summary>Region code of the client (us-east, us-west, europe, apac).</summary>
    public string? RegionCode { get; set; }

    /// <summary>The contact's language (en, de, ja).</summary>
    public string Language { get; set; } = "en";

    public LeadSource Source { get; set; }

    public LeadStatus Status { get; set; }

    [Encrypted]
    public string? Notes { get; set; }

    public DateTime CapturedAt { get; set; }

    /// <summary>When a staff member first touched the lead: stops the lead-response clock.</summary>
    public DateTime? FirstTouchedAt { get; set; }

    /// <summary>SigmaEQ total, tier, unit code and meeting type once assessed (overrides applied).</summary>
    public int? Score { get; set; }

    public LeadTier? Tier { get; set; }

    public string? UnitCode { get; set; }

    public string? MeetingType { get; set; }

    /// <summary>Skill tags from the assessment answers (comma separated), matched against specialists' skills.</summary>
    public string? SkillTags { get; set; }

    public Guid? SpecialistId { get; set; }

    public string? SpecialistName { get; set; }

    public DateTime? RoutedAt { get; set; }

    /// <summary>When the lead-response target runs out, in the routed unit's business hours.</summary>
    public DateTime? ResponseDueAt { get; set; }

    public DateTime? EscalatedAt { get; set; }

    public DateTime? BreachedAt { get; set; }

    public Guid? OwnerOrganizationId => ContactId ?? ClientOrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => ClientOrganizationId;
}
