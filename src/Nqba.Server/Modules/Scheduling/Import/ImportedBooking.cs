namespace Nqba.Server.Modules.Scheduling.Import;

/// <summary>
/// One booking of another scheduling tool's history (Cal.com's export or API): its <c>source</c> and
/// <c>externalId</c> identify it across imports; the specialist by id or e-mail; times with their offsets; status
/// booked (or accepted), cancelled (or rejected), completed or noShow.
/// </summary>
public sealed record ImportedBooking(
    string? Source,
    string? ExternalId,
    string? MeetingType,
    Guid? SpecialistId,
    string? SpecialistEmail,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? Status,
    string? ClientName,
    string? ClientEmail,
    string? TimeZone = null,
    string? Language = null,
    string? Notes = null,
    string? CancelReason = null,
    DateTimeOffset? CreatedAt = null);
