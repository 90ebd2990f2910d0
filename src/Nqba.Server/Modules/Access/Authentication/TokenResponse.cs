namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>
/// A bearer token. There is deliberately no refresh token: when the token expires (<c>expiresIn</c> seconds), the
/// client signs in again, so every new token passes the password, MFA and lockout checks.
/// </summary>
internal sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn);
