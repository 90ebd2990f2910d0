namespace Nqba.Server.Modules.Scheduling.Import;

/// <summary>
/// What a booking import did: counts per outcome and each row's booking. <paramref name="BatchId"/> is the id of the
/// batch's audit entry (<c>scheduling.bookings.imported</c>); null when the import changed nothing.
/// </summary>
public sealed record BookingImportResult(Guid? BatchId, int Created, int Updated, int Unchanged, IReadOnlyList<BookingImportRow> Bookings);

/// <summary>One row's outcome (<c>Created</c>, <c>Updated</c> or <c>Unchanged</c>), named as errors name it (<c>bookings[3]</c>).</summary>
public sealed record BookingImportRow(string Row, string Source, string ExternalId, string Outcome, Guid BookingId);
