namespace Nqba.Server.Modules.Access.Users;

/// <summary>Tells a user an administrator reset their two-factor sign-in.</summary>
public sealed record MfaResetMailModel(string DisplayName);
