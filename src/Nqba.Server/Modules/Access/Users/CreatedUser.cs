namespace Nqba.Server.Modules.Access.Users;

/// <summary>The new user and its initial password, shown this once.</summary>
internal sealed record CreatedUser(UserDto User, string InitialPassword);
