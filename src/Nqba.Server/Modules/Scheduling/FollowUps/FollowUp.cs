using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Scheduling.FollowUps;

/// <summary>What came of a meeting: the outcome, the specialist's notes (encrypted at rest), action items and the suggested next meeting type.</summary>
internal sealed class FollowUp : IOrganizationOwned
{
    public Guid Id { get; set; }

    /// <summary>The meeting; one follow-up per meeting.</summary>
    public Guid BookingId { get; set; }

    public Guid SpecialistId { get; set; }

    public Guid? OrganizationId { get; set; }

    /// <summary><c>held</c> or <c>no-show</c>.</summary>
    public required string Outcome { get; set; }

    [Encrypted]
    public string? Notes { get; set; }

    /// <summary>The meeting type code suggested next, or null after the last configured type.</summary>
    public string? SuggestedMeetingType { get; set; }

    /// <summary>Who recorded it: "staff:{user id}".</summary>
    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<FollowUpActionItem> ActionItems { get; set; } = [];

    /// <summary>The data key owner of the person the record is about (copied from its ticket or booking); null: the organization's key.</summary>
    public Guid? SubjectKeyId { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;
}
