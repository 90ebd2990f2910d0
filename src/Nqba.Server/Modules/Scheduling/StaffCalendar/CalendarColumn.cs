using NodaTime;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Scheduling.StaffCalendar;

/// <summary>
/// One local day of the calendar: when someone works (<see cref="Hours"/>, merged), holidays and time off
/// (<see cref="Off"/>) and the meetings. <see cref="Specialist"/> is set when the column is one specialist's lane.
/// </summary>
internal sealed record CalendarColumn(
    LocalDate Date,
    SpecialistInfo? Specialist,
    IReadOnlyList<CalendarBlock> Hours,
    IReadOnlyList<CalendarBlock> Off,
    IReadOnlyList<CalendarEntry> Bookings);
