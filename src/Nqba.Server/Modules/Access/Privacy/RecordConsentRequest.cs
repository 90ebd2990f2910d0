using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>A person's consent decision for one purpose (e.g. <c>marketing-email</c>, <c>sell-or-share</c>).</summary>
public sealed record RecordConsentRequest(
    [Required, EmailAddress, MaxLength(320)] string Email,
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{1,39}$", ErrorMessage = "purpose must be 2-40 lower-case letters, digits or dashes.")] string Purpose,
    [Required] bool? Granted,
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{1,39}$", ErrorMessage = "source must be 2-40 lower-case letters, digits or dashes.")] string Source,
    Guid? OrganizationId = null);
