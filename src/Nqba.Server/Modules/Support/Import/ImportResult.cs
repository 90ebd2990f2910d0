namespace Nqba.Server.Modules.Support.Import;

/// <summary>
/// What a successful import did: counts per outcome and every row's ticket. <paramref name="BatchId"/> is the id of
/// the batch's audit entry (<c>support.tickets.imported</c>); null when the import changed nothing.
/// </summary>
public sealed record ImportResult(Guid? BatchId, int Created, int Updated, int Unchanged, int MessagesAdded, IReadOnlyList<ImportRowResult> Tickets);
