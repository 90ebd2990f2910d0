namespace Nqba.Server.Modules.Access.Users;

internal sealed record UserDto(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? ClientOrganizationId, bool MfaEnabled, bool LockedOut);
