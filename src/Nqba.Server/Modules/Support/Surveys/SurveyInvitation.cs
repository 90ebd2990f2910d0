using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>
/// One survey sent to one person; answered at most once through its signed link. Address and comment are encrypted
/// under the person's own data key (the one their tickets use), stored in the organization's residency zone.
/// </summary>
internal sealed class SurveyInvitation : IOrganizationOwned
{
    public Guid Id { get; set; }

    public SurveyKind Kind { get; set; }

    public Guid? TicketId { get; set; }

    public Guid? OrganizationId { get; set; }

    [Encrypted]
    public required string Email { get; set; }

    /// <summary>Keyed hash of the normalized address: how the NPS schedule finds a contact's last invitation.</summary>
    public required string EmailHash { get; set; }

    /// <summary>The person's own data key owner; null (surveys from before per-person keys): the organization's key.</summary>
    public Guid? SubjectKeyId { get; set; }

    public DateTime SentAt { get; set; }

    public int? Score { get; set; }

    [Encrypted]
    public string? Comment { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;
}
