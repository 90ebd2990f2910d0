using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>E-mail, password and, for accounts with MFA, the current authenticator code.</summary>
internal sealed record TokenRequest(
    [property: Required, EmailAddress] string Email,
    [property: Required] string Password,
    string? Code);
