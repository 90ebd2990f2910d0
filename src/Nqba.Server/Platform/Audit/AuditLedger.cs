using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Platform.Audit;

/// <inheritdoc/>
internal sealed class AuditLedger(
    IServiceScopeFactory scopes,
    IHttpContextAccessor http,
    TimeProvider time) : IAuditLedger, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One writer per process at a time keeps the common case free of retries; the primary key on Sequence keeps
    // several processes (instances sharing PostgreSQL) correct.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        AppendAsync(record, CurrentActor(), cancellationToken);

    public async Task AppendAsync(AuditRecord record, AuditActor actor, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                var entry = new AuditEntry
                {
                    Sequence = (head?.Sequence ?? 0) + 1,
                    Timestamp = AuditHasher.Truncate(time.GetUtcNow().UtcDateTime),
                    ActorId = actor.Id,
                    ActorName = actor.Name,
                    Action = record.Action,
                    EntityType = record.EntityType,
                    EntityId = record.EntityId,
                    OrganizationId = record.OrganizationId,
                    Before = ToJson(record.Before),
                    After = ToJson(record.After),
                    IpAddress = actor.IpAddress,
                    PreviousHash = head?.Hash ?? AuditHasher.GenesisHash,
                    Hash = string.Empty,
                };
                entry.Hash = AuditHasher.Compute(entry);
                db.AuditEntries.Add(entry);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    NqbaTelemetry.AuditEntries.Add(1);
                    return;
                }
                catch (DbUpdateException) when (attempt < 20)
                {
                    // Another instance appended the same sequence number first: re-read the head and chain onto it.
                }
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();

    private static string? ToJson(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };

    private AuditActor CurrentActor()
    {
        var context = http.HttpContext;
        if (context is null)
        {
            return AuditActor.System;
        }

        var user = context.User;
        var ip = context.Connection.RemoteIpAddress?.ToString();
        return user.Identity?.IsAuthenticated == true
            ? new AuditActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "unknown", ip)
            : new AuditActor(null, "anonymous", ip);
    }
}
