using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Assignment;

public sealed record TeamRequest(
    [Required, RegularExpression("^[a-z0-9-]{2,40}$", ErrorMessage = "code is 2-40 lower-case letters, digits or dashes.")] string Code,
    [Required, MinLength(1), MaxLength(200)] string Name,
    [EmailAddress, MaxLength(320)] string? LeadEmail = null,
    bool IsDefault = false);
