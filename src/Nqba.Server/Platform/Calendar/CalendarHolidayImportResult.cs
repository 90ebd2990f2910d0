namespace Nqba.Server.Platform.Calendar;

/// <summary>What an import did: holidays added, existing dates renamed or left alone, and the calendar's holidays in the imported years.</summary>
internal sealed record CalendarHolidayImportResult(string CalendarCode, int FirstYear, int LastYear, int Added, int Updated, int Unchanged, List<CalendarHolidayDto> Holidays);
