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

    [Fact]
    public void AddWorkingTime_SkipsTheLunchBreak_OfADayWithTwoIntervals()
    {
        // Monday 09:00–12:00 and 13:00–17:00 in Berlin: two hours from 11:00 end at 14:00, not 13:00.
        var hours = new BusinessHours("Europe/Berlin", [new WeeklyHours(1, new(9, 0), new(12, 0)), new WeeklyHours(1, new(13, 0), new(17, 0))], [], []);

        var due = new BusinessCalendar(hours).AddWorkingTime(At(2026, 12, 7, 11, 0, 1), TimeSpan.FromHours(2));

        Assert.Equal(At(2026, 12, 7, 14, 0, 1), due);
        Assert.False(new BusinessCalendar(hours).IsOpen(At(2026, 12, 7, 12, 30, 1)));
    }
    [Fact]
    public void AYearlyHoliday_ClosesThatDateInEveryYear()
    {
        var hours = BusinessHours.Uniform("Europe/Berlin", new(9, 0), new(17, 0), Weekdays, []) with { YearlyHolidays = [new AnnualDate(12, 24)] };
        var calendar = new BusinessCalendar(hours);

        Assert.Empty(calendar.IntervalsOn(new DateOnly(2026, 12, 24))); // a Thursday
        Assert.Empty(calendar.IntervalsOn(new DateOnly(2027, 12, 24))); // a Friday
        Assert.Single(calendar.IntervalsOn(new DateOnly(2027, 12, 23)));
    }
}
