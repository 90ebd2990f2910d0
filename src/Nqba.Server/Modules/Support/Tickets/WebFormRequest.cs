using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A support request from the public web form (no sign-in).</summary>
public sealed record WebFormRequest(
    [Required, MinLength(1), MaxLength(200)] string Name,
    [Required, EmailAddress, MaxLength(320)] string Email,
    [Required, MinLength(1), MaxLength(300)] string Subject,
    [Required, MinLength(1), MaxLength(100000)] string Message,
    [RegularExpression("^(en|de|ja)$", ErrorMessage = "language must be one of en, de, ja.")] string? Language = null);
