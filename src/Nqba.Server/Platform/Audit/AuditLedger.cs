using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Observability;
using NqbaClaimTypes = Nqba.Server.Platform.Security.NqbaClaims;

namespace Nqba.Server.Platform.Audit;

/// <inheritdoc/>
internal sealed partial class AuditLedger(
    IServiceScopeFactory scopes,
    IHttpContextAccessor http,
    AuditChainKey chainKey,
    AuditAnchorFile anchor,
    TimeProvider time,
    ILogger<AuditLedger> logger) : IAuditLedger, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // One writer per process at a time keeps the common case free of retries; the primary key on Sequence keeps
    // several processes (instances sharing PostgreSQL) correct.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private bool _reportedBroken;

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        AppendAsync(record, CurrentActor(), cancellationToken);

    public async Task AppendAsync(AuditRecord record, AuditActor actor, CancellationToken cancellationToken)
    {
        var key = await chainKey.GetAsync(cancellationToken);
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
                entry.Hash = AuditHasher.Compute(entry, key);
                db.AuditEntries.Add(entry);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    NqbaTelemetry.AuditEntries.Add(1);
                    await AnchorAsync(db, entry, cancellationToken);
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

    /// <summary>
    /// Moves the anchor to the committed entry (never to one that may still roll back), but only along the chain:
    /// when the anchored entry is no longer in the ledger as anchored (the ledger was cut short, and new entries
    /// took the removed numbers), the anchor stays where it is, so verification goes on reporting the cut.
    /// </summary>
    private async Task AnchorAsync(PlatformDbContext db, AuditEntry entry, CancellationToken cancellationToken)
    {
        var next = new AuditAnchor(entry.Sequence, entry.Hash, entry.Timestamp);
        if (anchor.Read() is not { } current)
        {
            anchor.Advance(next);
            return;
        }

        if (entry.Sequence <= current.Sequence)
        {
            return;
        }

        var (sequence, hash) = (current.Sequence, current.Hash);
        var chainsOn = entry.Sequence == sequence + 1
            ? entry.PreviousHash == hash
            : await db.AuditEntries.AsNoTracking().AnyAsync(e => e.Sequence == sequence && e.Hash == hash, cancellationToken);
        if (chainsOn)
        {
            anchor.Advance(next);
        }
        else if (!_reportedBroken)
        {
            _reportedBroken = true;
            LogAnchorNotReached(logger, sequence);
        }
    }

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

        // A person is named by their account id only: the ledger is never rewritten, so an e-mail address or name
        // in it would outlive the person's erasure.
        var user = context.User;
        var ip = context.Connection.RemoteIpAddress?.ToString();
        return user.Identity?.IsAuthenticated == true
            ? new AuditActor(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirst(NqbaClaimTypes.ApiKey) is { } key ? "api-key:" + key.Value : "user", ip)
            : new AuditActor(null, "anonymous", ip);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit ledger no longer holds entry {Sequence} as it was anchored (entries were removed or rewritten in the database); the anchor stays there, and verification reports the ledger broken")]
    private static partial void LogAnchorNotReached(ILogger logger, long sequence);
}
