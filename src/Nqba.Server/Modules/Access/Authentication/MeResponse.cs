namespace Nqba.Server.Modules.Access.Authentication;

internal sealed record MeResponse(string? Id, string? Name, string? DisplayName, IReadOnlyList<string> Roles, string? OrganizationId, bool MfaSatisfied);
