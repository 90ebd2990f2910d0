using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Tests.Platform;

public sealed class BusinessCalendarTests
{
    private static readonly int[] Weekdays = [1, 2, 3, 4, 5];

    private static BusinessCalendar Berlin() => new(BusinessHours.Uniform("Europe/Berlin", new(9, 0), new(17, 0), Weekdays, []));

    private static BusinessCalendar NewYork() =>
        new(BusinessHours.Uniform("America/New_York", new(9, 0), new(18, 0), Weekdays, [new DateOnly(2026, 11, 26)]));

    private static DateTimeOffset At(int y, int mo, int d, int h, int mi, int offsetHours) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(offsetHours));

    [Fact]
    public void WorkingTimeBetween_FridayEveningToMondayMorning_CountsOnlyOpenMinutes()
    {
        // Friday 27 Nov 2026 16:58 CET to Monday 30 Nov 09:03 CET: 2 minutes Friday + 3 minutes Monday.
        var minutes = Berlin().WorkingTimeBetween(At(2026, 11, 27, 16, 58, 1), At(2026, 11, 30, 9, 3, 1)).TotalMinutes;

        Assert.Equal(5, minutes, 6);
    }

    [Fact]
    public void AddWorkingTime_FiveMinutesFromFriday1658_EndsMonday0903()
    {
        var due = Berlin().AddWorkingTime(At(2026, 11, 27, 16, 58, 1), TimeSpan.FromMinutes(5));

        Assert.Equal(At(2026, 11, 30, 9, 3, 1), due);
    }

    [Fact]
    public void WorkingTimeBetween_WeekendWithDstChange_IsDstSafe()
    {
        // New York leaves daylight time on Sunday 1 Nov 2026: Friday 17:58 EDT (UTC−4) to Monday 09:02 EST (UTC−5).
        var minutes = NewYork().WorkingTimeBetween(At(2026, 10, 30, 17, 58, -4), At(2026, 11, 2, 9, 2, -5)).TotalMinutes;

        Assert.Equal(4, minutes, 6);
    }

    [Fact]
    public void AddWorkingTime_OverHoliday_SkipsIt()
    {
        // Thanksgiving (Thursday 26 Nov 2026) is closed: Wednesday 17:59 + 2 minutes = Friday 09:01.
        var due = NewYork().AddWorkingTime(At(2026, 11, 25, 17, 59, -5), TimeSpan.FromMinutes(2));

        Assert.Equal(At(2026, 11, 27, 9, 1, -5), due);
    }

    [Fact]
    public void IsOpen_SaturdayAndWeekdayHours_AnswersByLocalTime()
    {
        Assert.False(Berlin().IsOpen(At(2026, 11, 28, 12, 0, 1)));
        Assert.True(Berlin().IsOpen(At(2026, 11, 27, 12, 0, 1)));
        Assert.False(Berlin().IsOpen(At(2026, 11, 27, 8, 59, 1)));
    }

    [Fact]
    public void Constructor_UnknownZone_Throws() =>
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(BusinessHours.Uniform("Mars/Olympus", new(9, 0), new(17, 0), Weekdays, [])));
}
