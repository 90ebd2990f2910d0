namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// A meeting as its client or staff see it; times in the client's zone. <see cref="ManageToken"/> (the signed
/// reschedule/cancel link) is only returned to the client who booked. <see cref="CoHostIds"/> are a collective meeting's
/// further hosts (with <see cref="SpecialistId"/>), where the answer says so.
/// </summary>
internal sealed record BookingDto(
    Guid Id,
    string Status,
    string MeetingType,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    Guid SpecialistId,
    string? SpecialistName,
    string? ClientName,
    string? ClientEmail,
    string? Notes,
    Guid? LeadId,
    string? VideoUrl,
    string? VideoProvider,
    string? VideoNote,
    int Sequence,
    string? ManageToken,
    IReadOnlyList<Guid>? CoHostIds = null);
