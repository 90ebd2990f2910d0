namespace Nqba.Server.Platform.Calendar;

internal sealed record CalendarHolidayDto(Guid Id, DateOnly Date, string Name, bool Yearly, bool Active)
{
    public static CalendarHolidayDto From(CalendarHoliday holiday) => new(holiday.Id, holiday.Date, holiday.Name, holiday.Yearly, !holiday.Inactive);
}
