using Nqba.Server.Modules.Scheduling.Bookings;

namespace Nqba.Server.Modules.Scheduling.StaffCalendar;

/// <summary>
/// A meeting placed in a column: its times in the viewer's zone, its position in wall-clock minutes, and its lane
/// (<see cref="Lane"/> of <see cref="Lanes"/>) when meetings of several specialists overlap.
/// </summary>
internal sealed record CalendarEntry(
    Guid Id,
    string MeetingType,
    string? ClientName,
    string? SpecialistName,
    BookingStatus Status,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? VideoUrl,
    int FromMinute,
    int ToMinute,
    int Lane,
    int Lanes);
