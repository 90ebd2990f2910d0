namespace Nqba.Server.Modules.Scheduling.StaffCalendar;

/// <summary>
/// A span of a column in local wall-clock minutes since midnight (0–1440). <see cref="Holiday"/> and
/// <see cref="Reason"/> describe time off; <see cref="Who"/> names the specialist in a column of several.
/// </summary>
internal sealed record CalendarBlock(int FromMinute, int ToMinute, bool Holiday = false, string? Reason = null, string? Who = null);
