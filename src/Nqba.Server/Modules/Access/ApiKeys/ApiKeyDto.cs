namespace Nqba.Server.Modules.Access.ApiKeys;

internal sealed record ApiKeyDto(
    Guid Id,
    string Name,
    string Prefix,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    DateTime? LastUsedAt,
    IReadOnlyList<string> Scopes,
    Guid? ParentKeyId)
{
    public static ApiKeyDto From(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.LastUsedAt, k.ScopeList, k.ParentKeyId);
}
