namespace Nqba.Server.Modules.Access.Users;

/// <summary>A new password set by an administrator; shown this once.</summary>
internal sealed record PasswordReset(Guid UserId, string Password);
