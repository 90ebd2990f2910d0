using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Access.ApiKeys;

internal sealed class ApiKeyService(AccessDbContext db, IAuditLedger audit, TimeProvider time)
{
    public async Task<CreatedApiKey> CreateAsync(Guid userId, CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var (key, prefix, hash) = ApiKeySecrets.Generate();
        var now = time.GetUtcNow().UtcDateTime;
        var entity = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = request.Name,
            Prefix = prefix,
            SecretHash = hash,
            CreatedAt = now,
            ExpiresAt = request.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.ApiKeys.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        var dto = ApiKeyDto.From(entity);
        await audit.AppendAsync(new AuditRecord("access.api_key.created", "api_key", entity.Id.ToString(), After: dto), cancellationToken);
        return new CreatedApiKey(dto, key);
    }

    public Task<List<ApiKeyDto>> ListAsync(Guid userId, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderBy(k => k.CreatedAt)
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.LastUsedAt))
            .ToListAsync(cancellationToken);

    public async Task<Result<ApiKeyDto>> RevokeAsync(Guid userId, Guid id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.UserId == userId, cancellationToken);
        if (key is null)
        {
            return Error.NotFound("API key", id);
        }

        var before = ApiKeyDto.From(key);
        key.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var after = ApiKeyDto.From(key);
        await audit.AppendAsync(new AuditRecord("access.api_key.revoked", "api_key", id.ToString(), before, after), cancellationToken);
        return after;
    }
}
