namespace Nqba.Server.Modules.Access.ApiKeys;

/// <summary>
/// A long-lived API credential of one user. Only a SHA-256 hash of the secret is stored; the key is shown once.
/// Format: <c>nqba_{prefix}_{secret}</c>; the prefix finds the row, the hash proves the secret.
/// </summary>
internal sealed class ApiKey
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string Name { get; set; }

    public required string Prefix { get; set; }

    public required string SecretHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    /// <summary>Space-separated scopes (<see cref="ApiKeyScopes"/>), fixed at creation.</summary>
    public string Scopes { get; set; } = string.Empty;

    /// <summary>The key that created this one, if a key did: revoking it revokes this one too.</summary>
    public Guid? ParentKeyId { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
