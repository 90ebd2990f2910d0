using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>E-mail, password and, for accounts with MFA, the current authenticator code.</summary>
public sealed record TokenRequest(
    [Required, EmailAddress] string Email,
    [Required] string Password,
    string? Code);
