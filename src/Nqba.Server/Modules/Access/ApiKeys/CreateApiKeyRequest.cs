using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Access.ApiKeys;

/// <summary>
/// A new API key: its scopes (at least one, e.g. <c>support:read</c>, <c>scheduling:write</c>, <c>admin</c>,
/// <c>keys:create</c>) and its lifetime in days (required for client users' keys and for keys created with a key).
/// </summary>
public sealed record CreateApiKeyRequest(
    [Required, MinLength(1), MaxLength(100)] string Name,
    [Range(1, 3650)] int? ExpiresInDays,
    IReadOnlyList<string>? Scopes = null);
