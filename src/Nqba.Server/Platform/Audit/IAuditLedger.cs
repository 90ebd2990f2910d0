using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Audit;

/// <summary>The append-only, hash-chained audit ledger every module writes state changes to.</summary>
public interface IAuditLedger
{
    /// <summary>
    /// Records a change in the transaction that makes it: the entry is added to <paramref name="context"/> (which
    /// maps the audit outbox) and written by its next save, then chained into the ledger once that save or the
    /// surrounding transaction commits. Use this for every change a module saves; the current actor is taken now.
    /// </summary>
    void Stage(DbContext context, AuditRecord record);

    /// <inheritdoc cref="Stage(DbContext, AuditRecord)"/>
    void Stage(DbContext context, AuditRecord record, AuditActor actor);

    /// <summary>
    /// Appends an entry that stands on its own, with no change of the caller's to commit with (a failed sign-in, a
    /// request the HTTP middleware records), for the current actor (from the HTTP request, or the system).
    /// </summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Appends an entry that stands on its own for an explicit actor (sign-in attempts, background jobs).</summary>
    Task AppendAsync(AuditRecord record, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Moves every committed staged entry into the hash chain. Called after each commit that staged entries, and on
    /// start (entries a crash left between commit and chaining).
    /// </summary>
    Task ChainStagedAsync(CancellationToken cancellationToken);
}
