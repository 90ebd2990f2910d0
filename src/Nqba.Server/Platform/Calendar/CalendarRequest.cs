namespace Nqba.Server.Platform.Calendar;

/// <summary>
/// A calendar to create, or its new name, zone and week (the week replaces the old one whole). <see cref="Version"/>
/// may stand in for If-Match (forms cannot send headers).
/// </summary>
internal sealed record CalendarRequest(string? Code, string? Name, string? TimeZone, List<WeeklyHours>? Week, int? Version = null);
