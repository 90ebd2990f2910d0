namespace Nqba.Server.Platform.Calendar;

/// <summary>The calendar a region follows from now on.</summary>
internal sealed record RegionCalendarRequest(string? Calendar);
