using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.ApiKeys;

internal sealed class ApiKeyService(AccessDbContext db, IAuditLedger audit, TimeProvider time)
{
    /// <summary>
    /// Creates a key for the signed-in user. Its scopes are never wider than the creator's: <c>admin</c> only for an
    /// Admin; a request made with a key needs <c>keys:create</c> and may grant only scopes its own key covers, for no
    /// longer than its own key lives. Client users' keys and keys made by keys must expire.
    /// </summary>
    public async Task<Result<CreatedApiKey>> CreateAsync(ClaimsPrincipal creator, CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(creator.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var scopes = (request.Scopes ?? []).Select(s => s?.Trim() ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0)
        {
            return Error.Validation("scopes", $"Choose at least one scope. Valid scopes: {string.Join(", ", ApiKeyScopes.All)}.");
        }

        if (scopes.FirstOrDefault(s => !ApiKeyScopes.IsKnown(s)) is { } unknown)
        {
            return Error.Validation("scopes", $"Unknown scope '{unknown}'. Valid scopes: {string.Join(", ", ApiKeyScopes.All)}.");
        }

        if (scopes.Contains(ApiKeyScopes.Admin) && !creator.IsInRole(NqbaRoles.Admin))
        {
            return Error.Validation("scopes", "Only an Admin can create a key with the 'admin' scope.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        DateTime? expires = request.ExpiresInDays is { } days ? now.AddDays(days) : null;
        Guid? parentId = null;
        if (Guid.TryParse(creator.FindFirstValue(NqbaClaims.ApiKey), out var parentKeyId))
        {
            var parent = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == parentKeyId, cancellationToken);
            if (parent is null || !ApiKeyScopes.Covers(parent.ScopeList, ApiKeyScopes.KeysCreate))
            {
                return Error.Forbidden("This API key may not create keys: it needs the 'keys:create' scope.");
            }

            if (scopes.FirstOrDefault(s => !ApiKeyScopes.Covers(parent.ScopeList, s)) is { } wider)
            {
                return Error.Validation("scopes", $"A key can grant only scopes it holds itself; this key does not hold '{wider}'.");
            }

            if (expires is null)
            {
                return Error.Validation("expiresInDays", "A key created with an API key must expire: set expiresInDays.");
            }

            if (parent.ExpiresAt is { } parentExpires && expires > parentExpires)
            {
                expires = parentExpires;
            }

            parentId = parent.Id;
        }
        else if (expires is null && creator.IsInRole(NqbaRoles.Client))
        {
            return Error.Validation("expiresInDays", "Client users' API keys must expire: set expiresInDays (1 to 3650).");
        }

        var (key, prefix, hash) = ApiKeySecrets.Generate();
        var entity = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = request.Name,
            Prefix = prefix,
            SecretHash = hash,
            CreatedAt = now,
            ExpiresAt = expires,
            Scopes = string.Join(' ', scopes),
            ParentKeyId = parentId,
        };
        db.ApiKeys.Add(entity);
        var dto = ApiKeyDto.From(entity);
        audit.Stage(db, new AuditRecord("access.api_key.created", "api_key", entity.Id.ToString(), After: dto));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(dto, key);
    }

    public async Task<List<ApiKeyDto>> ListAsync(Guid userId, CancellationToken cancellationToken) =>
        (await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken))
            .ConvertAll(ApiKeyDto.From);

    /// <summary>Revokes the key and every key created with it, and with those, down the line.</summary>
    public async Task<Result<ApiKeyDto>> RevokeAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.UserId == userId, cancellationToken);
        if (key is null)
        {
            return Error.NotFound("API key", id);
        }

        var before = ApiKeyDto.From(key);
        var now = time.GetUtcNow().UtcDateTime;
        key.RevokedAt ??= now;
        var descendants = new List<Guid>();
        for (var level = new List<Guid> { key.Id }; level.Count > 0;)
        {
            var parents = level;
            level = await db.ApiKeys.IgnoreQueryFilters().Where(k => k.ParentKeyId != null && parents.Contains(k.ParentKeyId.Value))
                .Select(k => k.Id).ToListAsync(cancellationToken);
            level.RemoveAll(descendants.Contains);
            descendants.AddRange(level);
        }

        var after = ApiKeyDto.From(key);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Stage(db, new AuditRecord("access.api_key.revoked", "api_key", id.ToString(), before, new { key = after, childrenRevoked = descendants }));
        await db.SaveChangesAsync(cancellationToken);
        if (descendants.Count > 0)
        {
            await db.ApiKeys.IgnoreQueryFilters().Where(k => descendants.Contains(k.Id) && k.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return after;
    }
}
