using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>
/// A data-subject request as received: about a person (<see cref="Email"/>) or a whole client organization
/// (<see cref="OrganizationId"/>). Rectification names the corrected details.
/// </summary>
public sealed record CreatePrivacyRequest(
    [Required] PrivacyRequestKind? Kind,
    [Required] PrivacyLaw? Law,
    [EmailAddress, MaxLength(320)] string? Email = null,
    Guid? OrganizationId = null,
    [MaxLength(200)] string? Name = null,
    [EmailAddress, MaxLength(320)] string? NewEmail = null,
    [MaxLength(40)] string? Phone = null);
