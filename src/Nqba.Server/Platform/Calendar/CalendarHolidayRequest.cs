namespace Nqba.Server.Platform.Calendar;

/// <summary>A holiday to add (date and name required) or to change (omitted fields stay).</summary>
internal sealed record CalendarHolidayRequest(DateOnly? Date, string? Name, bool? Yearly, bool? Active);
