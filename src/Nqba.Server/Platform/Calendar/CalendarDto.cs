namespace Nqba.Server.Platform.Calendar;

/// <summary>A business calendar: its week, holidays, version (the ETag) and the regions that follow it.</summary>
internal sealed record CalendarDto(Guid Id, string Code, string Name, string TimeZone, int Version, List<WeeklyHours> Week, List<CalendarHolidayDto> Holidays, List<string> Regions);
