namespace Nqba.Server.Platform.Company;

internal sealed record HolidayDto(Guid Id, DateOnly Date, string Name)
{
    public static HolidayDto From(RegionHoliday holiday) => new(holiday.Id, holiday.Date, holiday.Name);
}
