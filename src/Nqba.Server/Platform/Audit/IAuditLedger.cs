namespace Nqba.Server.Platform.Audit;

/// <summary>The append-only, hash-chained audit ledger every module writes state changes to.</summary>
public interface IAuditLedger
{
    /// <summary>Appends an entry for the current actor (from the HTTP request, or the system).</summary>
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Appends an entry for an explicit actor (sign-in attempts, background jobs).</summary>
    Task AppendAsync(AuditRecord record, AuditActor actor, CancellationToken cancellationToken);
}
