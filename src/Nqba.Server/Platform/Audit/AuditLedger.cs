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

    /// <summary>Staged entries chained per transaction; more wait for the next round of the same call.</summary>
    private const int ChainBatch = 500;

    // One chainer per process at a time keeps the common case free of retries; the primary key on Sequence keeps
    // several processes (instances sharing PostgreSQL) correct.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private bool _reportedBroken;

    public void Stage(DbContext context, AuditRecord record) => Stage(context, record, CurrentActor());

    public void Stage(DbContext context, AuditRecord record, AuditActor actor) =>
        context.Set<StagedAuditEntry>().Add(new StagedAuditEntry
        {
            RecordedAt = AuditHasher.Truncate(time.GetUtcNow().UtcDateTime),
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = record.Action,
            EntityType = record.EntityType,
            EntityId = record.EntityId,
            OrganizationId = record.OrganizationId,
            Before = ToJson(record.Before),
            After = ToJson(record.After),
            IpAddress = actor.IpAddress,
        });

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        AppendAsync(record, CurrentActor(), cancellationToken);

    public async Task AppendAsync(AuditRecord record, AuditActor actor, CancellationToken cancellationToken)
    {
        // The same path as a module's change: staged and saved (the interceptor chains it once saved), so entries
        // staged earlier are chained before this one.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Stage(db, record, actor);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ChainStagedAsync(CancellationToken cancellationToken)
    {
        var key = await chainKey.GetAsync(cancellationToken);
        await _writer.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ;)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var staged = await db.StagedAuditEntries.OrderBy(e => e.Id).Take(ChainBatch).ToListAsync(cancellationToken);
                if (staged.Count == 0)
                {
                    return;
                }

                var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
                var (sequence, previous) = (head?.Sequence ?? 0, head?.Hash ?? AuditHasher.GenesisHash);
                AuditEntry? last = null;
                foreach (var item in staged)
                {
                    last = new AuditEntry
                    {
                        Sequence = ++sequence,
                        Timestamp = item.RecordedAt,
                        ActorId = item.ActorId,
                        ActorName = item.ActorName,
                        Action = item.Action,
                        EntityType = item.EntityType,
                        EntityId = item.EntityId,
                        OrganizationId = item.OrganizationId,
                        Before = item.Before,
                        After = item.After,
                        IpAddress = item.IpAddress,
                        PreviousHash = previous,
                        Hash = string.Empty,
                    };
                    last.Hash = previous = AuditHasher.Compute(last, key);
                    db.AuditEntries.Add(last);
                }

                // One save: the chained entries are written and their staged rows removed together, or neither.
                db.StagedAuditEntries.RemoveRange(staged);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    NqbaTelemetry.AuditEntries.Add(staged.Count);
                    await AnchorAsync(db, last!, cancellationToken);
                }
                catch (DbUpdateException) when (++attempt < 20)
                {
                    // Another instance chained first (the same sequence numbers, or these staged rows are gone):
                    // re-read both and go on from its head.
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
