using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>Creates a user with one role; Client users must name their organization.</summary>
public sealed record CreateUserRequest(
    [Required, EmailAddress, MaxLength(320)] string Email,
    [Required, MinLength(1), MaxLength(200)] string DisplayName,
    [Required] string Role,
    Guid? ClientOrganizationId);
