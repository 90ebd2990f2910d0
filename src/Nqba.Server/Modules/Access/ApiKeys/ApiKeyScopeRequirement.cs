using Microsoft.AspNetCore.Authorization;

namespace Nqba.Server.Modules.Access.ApiKeys;

/// <summary>
/// A request authenticated with an API key needs the key to hold the endpoint's scope: <see cref="Scope"/> where the
/// policy names one (the Admin policy: <c>admin</c>), else the one of the request's area and method. Other sign-ins pass.
/// </summary>
internal sealed class ApiKeyScopeRequirement(string? scope = null) : IAuthorizationRequirement
{
    public string? Scope { get; } = scope;
}
