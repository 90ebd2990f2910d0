using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>Creates a user with one role; Client users must name their organization.</summary>
internal sealed record CreateUserRequest(
    [property: Required, EmailAddress, MaxLength(320)] string Email,
    [property: Required, MinLength(1), MaxLength(200)] string DisplayName,
    [property: Required] string Role,
    Guid? ClientOrganizationId);
