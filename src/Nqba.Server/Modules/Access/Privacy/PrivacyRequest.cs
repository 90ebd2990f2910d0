using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>
/// A data-subject request tracked against its legal deadline. The subject's e-mail address is kept encrypted until
/// the request is done (and dropped after an erasure); the keyed hash stays as the record of whom it concerned.
/// </summary>
internal sealed class PrivacyRequest : IOrganizationOwned
{
    public Guid Id { get; set; }

    public PrivacyRequestKind Kind { get; set; }

    public PrivacyLaw Law { get; set; }

    [Encrypted]
    public string? SubjectEmail { get; set; }

    public string? SubjectEmailHash { get; set; }

    /// <summary>Set when the request concerns a whole client organization.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>For rectification: the corrected details (JSON), encrypted.</summary>
    [Encrypted]
    public string? CorrectionJson { get; set; }

    public PrivacyRequestStatus Status { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    /// <summary>What was done: records per module, keys destroyed, or why it was rejected.</summary>
    public string? Outcome { get; set; }

    /// <summary>Staff-side data: encrypted under the platform's key, so erasing the subject leaves the request readable.</summary>
    public Guid? OwnerOrganizationId => null;
}
