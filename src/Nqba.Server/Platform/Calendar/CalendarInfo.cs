namespace Nqba.Server.Platform.Calendar;

/// <summary>A business calendar as the clocks read it.</summary>
public sealed record CalendarInfo(Guid Id, string Code, string Name, BusinessHours Hours)
{
    /// <summary>The calendar's working-time arithmetic.</summary>
    public BusinessCalendar Calendar() => new(Hours);
}
