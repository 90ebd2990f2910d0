using NodaTime;

namespace Nqba.Server.Modules.Scheduling.StaffCalendar;

/// <summary>
/// A day or week of the staff calendar in the viewer's zone: one column per day (or, for a unit's day, one per
/// specialist), and the hours of the day worth showing (<see cref="FirstHour"/> to <see cref="LastHour"/>).
/// </summary>
internal sealed record CalendarView(DateTimeZone Zone, IReadOnlyList<CalendarColumn> Columns, int FirstHour, int LastHour);
