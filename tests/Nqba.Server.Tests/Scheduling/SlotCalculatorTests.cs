using NodaTime;
using Nqba.Server.Modules.Scheduling.Availability;

namespace Nqba.Server.Tests.Scheduling;

public sealed class SlotCalculatorTests
{
    private static readonly IsoDayOfWeek[] Weekdays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    // "Now" is long before every day the tests look at, so notice and window never get in the way unless tested.
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 1, 0, 0);

    private const string Type = "call";

    private static SlotRules Rules(int minutes = 30, int before = 0, int after = 15, int step = 15, int noticeMinutes = 0, int windowDays = 365, int offset = 0, BookingLimits? limits = null, BookingWindow? window = null) =>
        new(Type, Duration.FromMinutes(minutes), Duration.FromMinutes(step), Duration.FromMinutes(offset), Duration.FromMinutes(before), Duration.FromMinutes(after),
            Duration.FromMinutes(noticeMinutes), window ?? BookingWindow.Rolling(windowDays), limits ?? BookingLimits.None);

    private static SpecialistSchedule Schedule(
        string zone,
        int opens,
        int closes,
        IEnumerable<LocalDate>? holidays = null,
        Dictionary<LocalDate, DayHours?>? overrides = null,
        IEnumerable<BusyBlock>? busy = null,
        IEnumerable<BookedMeeting>? booked = null) => new(
            Guid.NewGuid(),
            DateTimeZoneProviders.Tzdb[zone],
            SpecialistSchedule.Uniform(new DayHours(new LocalTime(opens, 0), new LocalTime(closes, 0)), Weekdays),
            (holidays ?? []).ToHashSet(),
            SpecialistSchedule.SingleRanges(overrides ?? []),
            (busy ?? []).OrderBy(b => b.Start).ToList(),
            [.. booked ?? []]);

    private static List<Interval> Day(SpecialistSchedule schedule, SlotRules rules, LocalDate date, Instant? now = null)
    {
        var from = schedule.Zone.AtStartOfDay(date).ToInstant();
        var to = schedule.Zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
        return SlotCalculator.Compute(schedule, rules, from, to, now ?? Now, DateTimeZone.Utc);
    }

    private static Instant Utc(int y, int mo, int d, int h, int mi = 0) => Instant.FromUtc(y, mo, d, h, mi);

    private static DayHours Hours(int opens, int closes) => new(new LocalTime(opens, 0), new LocalTime(closes, 0));

    [Fact]
    public void Compute_NewYorkAroundMarchChange_OpensAt0900LocalOnBothSides()
    {
        var ny = Schedule("America/New_York", 9, 18);

        var friday = Day(ny, Rules(), new LocalDate(2026, 3, 6));
        var monday = Day(ny, Rules(), new LocalDate(2026, 3, 9));

        Assert.Equal(Utc(2026, 3, 6, 14), friday[0].Start); // 09:00 EST
        Assert.Equal(Utc(2026, 3, 9, 13), monday[0].Start); // 09:00 EDT
        Assert.Equal(Utc(2026, 3, 9, 21, 30), monday[^1].Start); // 17:30 EDT, ends at closing
    }

    [Fact]
    public void Compute_NewYorkSpringForwardNight_SkipsTheMissingHour()
    {
        var date = new LocalDate(2026, 3, 8);
        var ny = Schedule("America/New_York", 9, 18, overrides: new() { [date] = Hours(0, 6) });

        var slots = Day(ny, Rules(minutes: 60, after: 0, step: 60), date);

        // 00:00–06:00 local is five real hours: 00, 01 (EST), then 03, 04, 05 (EDT); nothing at 02:00.
        Assert.Equal([Utc(2026, 3, 8, 5), Utc(2026, 3, 8, 6), Utc(2026, 3, 8, 7), Utc(2026, 3, 8, 8), Utc(2026, 3, 8, 9)], slots.Select(s => s.Start));
        Assert.All(slots, s => Assert.Equal(Duration.FromHours(1), s.Duration));
        Assert.DoesNotContain(slots, s => s.Start.InZone(ny.Zone).Hour == 2);
    }

    [Fact]
    public void Compute_NewYorkFallBackNight_OffersTheRepeatedHourTwice()
    {
        var date = new LocalDate(2026, 11, 1);
        var ny = Schedule("America/New_York", 9, 18, overrides: new() { [date] = Hours(0, 4) });

        var slots = Day(ny, Rules(minutes: 60, after: 0, step: 60), date);

        // 00:00 EDT … 04:00 EST is five real hours; 01:00 local happens twice (EDT, then EST).
        Assert.Equal([Utc(2026, 11, 1, 4), Utc(2026, 11, 1, 5), Utc(2026, 11, 1, 6), Utc(2026, 11, 1, 7), Utc(2026, 11, 1, 8)], slots.Select(s => s.Start));
        Assert.Equal(2, slots.Count(s => s.Start.InZone(ny.Zone).Hour == 1));
    }

    [Fact]
    public void Compute_BerlinAroundMarchChange_OpensAt0900LocalOnBothSides()
    {
        var berlin = Schedule("Europe/Berlin", 9, 17);

        Assert.Equal(Utc(2026, 3, 27, 8), Day(berlin, Rules(), new LocalDate(2026, 3, 27))[0].Start); // CET
        Assert.Equal(Utc(2026, 3, 30, 7), Day(berlin, Rules(), new LocalDate(2026, 3, 30))[0].Start); // CEST
        Assert.Equal(Utc(2026, 3, 30, 14, 30), Day(berlin, Rules(), new LocalDate(2026, 3, 30))[^1].Start); // 16:30 CEST
    }

    [Fact]
    public void Compute_BerlinSpringForwardNight_SkipsTheMissingHour()
    {
        var date = new LocalDate(2026, 3, 29);
        var berlin = Schedule("Europe/Berlin", 9, 17, overrides: new() { [date] = Hours(1, 5) });

        var slots = Day(berlin, Rules(minutes: 60, after: 0, step: 60), date);

        // 01:00 CET (00:00Z) to 05:00 CEST (03:00Z): three real hours, 02:00 local does not exist.
        Assert.Equal([Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 1), Utc(2026, 3, 29, 2)], slots.Select(s => s.Start));
        Assert.DoesNotContain(slots, s => s.Start.InZone(berlin.Zone).Hour == 2);
    }

    [Fact]
    public void Compute_BerlinOctoberChange_FallBackNightIsAnHourLongerAndMondayOpensAt0900Cet()
    {
        var date = new LocalDate(2026, 10, 25);
        var berlin = Schedule("Europe/Berlin", 9, 17, overrides: new() { [date] = Hours(0, 4) });

        var night = Day(berlin, Rules(minutes: 60, after: 0, step: 60), date);
        var friday = Day(berlin, Rules(), new LocalDate(2026, 10, 23));
        var monday = Day(berlin, Rules(), new LocalDate(2026, 10, 26));

        Assert.Equal(5, night.Count);
        Assert.Equal(Utc(2026, 10, 24, 22), night[0].Start); // 00:00 CEST
        Assert.Equal(Utc(2026, 10, 25, 2), night[^1].Start); // 03:00 CET
        Assert.Equal(Utc(2026, 10, 23, 7), friday[0].Start); // 09:00 CEST
        Assert.Equal(Utc(2026, 10, 26, 8), monday[0].Start); // 09:00 CET
    }

    [Fact]
    public void Compute_BuffersAddUp_TheMeetingsOwnAndTheTypesBeforeAndAfter()
    {
        // Cal.com: a 20-minute type with 5 minutes before and after, next to a meeting that keeps 5 before and after.
        var date = new LocalDate(2026, 6, 10);
        var booked = new BusyBlock(Utc(2026, 6, 10, 10), Utc(2026, 6, 10, 10, 20), Duration.FromMinutes(5), Duration.FromMinutes(5));
        var schedule = Schedule("UTC", 9, 17, busy: [booked]);

        var slots = Day(schedule, Rules(minutes: 20, before: 5, after: 5, step: 5), date);

        Assert.Contains(slots, s => s.Start == Utc(2026, 6, 10, 9, 30)); // ends 09:50: its 5 after + the meeting's 5 before
        Assert.DoesNotContain(slots, s => s.Start == Utc(2026, 6, 10, 9, 35)); // ends 09:55: the larger buffer alone would allow this
        Assert.DoesNotContain(slots, s => s.Start == Utc(2026, 6, 10, 10, 25)); // the larger buffer alone would allow this
        Assert.Contains(slots, s => s.Start == Utc(2026, 6, 10, 10, 30)); // the meeting's 5 after + the type's 5 before
        Assert.All(slots, s => Assert.True(s.End + Duration.FromMinutes(10) <= booked.Start || s.Start >= booked.End + Duration.FromMinutes(10), $"{s} is within both buffers of the booking"));
    }

    [Fact]
    public void Compute_BuffersAddUp_TheMeetingsBeforeBufferAlone_ThenItsAfterPlusTheTypesBefore()
    {
        var date = new LocalDate(2026, 6, 10);
        var booked = new BusyBlock(Utc(2026, 6, 10, 12), Utc(2026, 6, 10, 13), Duration.FromMinutes(30), Duration.FromMinutes(10));
        var schedule = Schedule("UTC", 9, 17, busy: [booked]);

        var slots = Day(schedule, Rules(minutes: 20, before: 15, after: 0, step: 5), date);

        Assert.Equal(Utc(2026, 6, 10, 11, 30), slots.Where(s => s.Start < booked.Start).Max(s => s.End)); // the meeting's 30 before
        Assert.Equal(Utc(2026, 6, 10, 13, 25), slots.Where(s => s.Start > booked.Start).Min(s => s.Start)); // 10 after + 15 before
    }

    [Fact]
    public void Compute_StartOffset_ShiftsEveryStartAndRestartsAfterAMeeting()
    {
        var date = new LocalDate(2026, 6, 10);
        var schedule = Schedule("UTC", 9, 12, busy: [new BusyBlock(Utc(2026, 6, 10, 10), Utc(2026, 6, 10, 10, 20))]);

        var slots = Day(schedule, Rules(minutes: 30, after: 0, step: 30, offset: 5), date).ConvertAll(s => s.Start);

        // Cal.com's "offset start times": 09:05 (not 09:00), and after the meeting ending 10:20, 10:35.
        Assert.Equal([Utc(2026, 6, 10, 9, 5), Utc(2026, 6, 10, 10, 35), Utc(2026, 6, 10, 11, 5)], slots);
    }

    [Fact]
    public void Compute_RegionalHolidayAndDayOff_OfferNothingButAWeekendOverrideOffersItsHours()
    {
        var holiday = new LocalDate(2026, 12, 24);
        var dayOff = new LocalDate(2026, 12, 22);
        var saturday = new LocalDate(2026, 12, 19);
        var schedule = Schedule("Europe/Berlin", 9, 17, holidays: [holiday], overrides: new() { [dayOff] = null, [saturday] = Hours(10, 12) });

        Assert.Empty(Day(schedule, Rules(), holiday));
        Assert.Empty(Day(schedule, Rules(), dayOff));
        Assert.NotEmpty(Day(schedule, Rules(), new LocalDate(2026, 12, 23)));
        var weekend = Day(schedule, Rules(minutes: 60, step: 60), saturday);
        Assert.Equal([Utc(2026, 12, 19, 9), Utc(2026, 12, 19, 10)], weekend.Select(s => s.Start));
    }

    [Fact]
    public void Compute_OutOfOfficeAcrossMidnight_BlocksBothDaysHours()
    {
        // Time off from Tuesday 15:00 to Wednesday 11:00 Berlin time (no buffer of its own; the type's applies).
        var off = new BusyBlock(Utc(2026, 6, 9, 13), Utc(2026, 6, 10, 9));
        var schedule = Schedule("Europe/Berlin", 9, 17, busy: [off]);

        var tuesday = Day(schedule, Rules(minutes: 30, after: 0, step: 30), new LocalDate(2026, 6, 9));
        var wednesday = Day(schedule, Rules(minutes: 30, after: 0, step: 30), new LocalDate(2026, 6, 10));

        Assert.Equal(Utc(2026, 6, 9, 12, 30), tuesday[^1].Start);
        Assert.Equal(Utc(2026, 6, 10, 9), wednesday[0].Start);
    }

    [Fact]
    public void Compute_PerDayLimitReached_OffersNothingThatDay_OtherTypesDoNotCount()
    {
        var full = new LocalDate(2026, 6, 10);
        var schedule = Schedule("UTC", 9, 17, booked: [.. Enumerable.Repeat(new BookedMeeting(Type, full, 30), 3), new BookedMeeting("other", full, 60)]);

        Assert.Empty(Day(schedule, Rules(limits: new BookingLimits(PerDay: 3)), full));
        Assert.NotEmpty(Day(schedule, Rules(limits: new BookingLimits(PerDay: 4)), full));
        Assert.NotEmpty(Day(schedule, Rules(limits: new BookingLimits(PerDay: 3)), full.PlusDays(1)));
    }

    [Fact]
    public void Compute_WeekAndMonthLimits_CloseTheWholeIsoWeekAndCalendarMonth()
    {
        // Two meetings on Tuesday 9 June 2026; a limit of two a week closes Monday 8 to Sunday 14 June, not the 15th.
        var tuesday = new LocalDate(2026, 6, 9);
        var schedule = Schedule("UTC", 9, 17, booked: [new BookedMeeting(Type, tuesday, 30), new BookedMeeting(Type, tuesday, 30)]);
        var week = Rules(limits: new BookingLimits(PerWeek: 2));
        var month = Rules(limits: new BookingLimits(PerMonth: 2));

        Assert.Empty(Day(schedule, week, new LocalDate(2026, 6, 8)));
        Assert.Empty(Day(schedule, week, new LocalDate(2026, 6, 12)));
        Assert.NotEmpty(Day(schedule, week, new LocalDate(2026, 6, 15)));
        Assert.Empty(Day(schedule, month, new LocalDate(2026, 6, 30)));
        Assert.NotEmpty(Day(schedule, month, new LocalDate(2026, 7, 1)));
    }

    [Fact]
    public void Compute_DurationLimit_CountsTheNewMeetingsLengthToo()
    {
        // 90 booked minutes of a 120-minute daily limit: a 30-minute meeting still fits, a 60-minute one does not.
        var date = new LocalDate(2026, 6, 10);
        var schedule = Schedule("UTC", 9, 17, booked: [new BookedMeeting(Type, date, 90)]);

        Assert.NotEmpty(Day(schedule, Rules(minutes: 30, limits: new BookingLimits(MinutesPerDay: 120)), date));
        Assert.Empty(Day(schedule, Rules(minutes: 60, limits: new BookingLimits(MinutesPerDay: 120)), date));
        Assert.False(SlotCalculator.IsFree(schedule, Rules(minutes: 60, limits: new BookingLimits(MinutesPerDay: 120)), Utc(2026, 6, 10, 14), Now));
    }

    [Fact]
    public void Compute_BusinessDayWindow_SkipsTheWeekend()
    {
        // Friday 12 June 2026: three business days are Monday, Tuesday and Wednesday; Thursday is beyond.
        var schedule = Schedule("UTC", 9, 17);
        var now = Utc(2026, 6, 12, 10);
        var window = new BookingWindow(Nqba.Server.Modules.Scheduling.MeetingTypes.BookingWindowKind.BusinessDays, 3);

        Assert.NotEmpty(Day(schedule, Rules(window: window), new LocalDate(2026, 6, 17), now));
        Assert.Empty(Day(schedule, Rules(window: window), new LocalDate(2026, 6, 18), now));
        Assert.Empty(Day(schedule, Rules(window: BookingWindow.Rolling(3)), new LocalDate(2026, 6, 16), now)); // calendar days: Monday 15th is the last
    }

    [Fact]
    public void Compute_DateRangeWindow_OffersOnlyItsDatesInTheSpecialistsZone()
    {
        var schedule = Schedule("America/New_York", 9, 17);
        var window = new BookingWindow(Nqba.Server.Modules.Scheduling.MeetingTypes.BookingWindowKind.DateRange, 0, new LocalDate(2026, 6, 10), new LocalDate(2026, 6, 11));

        Assert.Empty(Day(schedule, Rules(window: window), new LocalDate(2026, 6, 9)));
        Assert.NotEmpty(Day(schedule, Rules(window: window), new LocalDate(2026, 6, 10)));
        Assert.Equal(Utc(2026, 6, 11, 20, 30), Day(schedule, Rules(window: window), new LocalDate(2026, 6, 11))[^1].Start); // 16:30 EDT
        Assert.Empty(Day(schedule, Rules(window: window), new LocalDate(2026, 6, 12)));
    }

    [Fact]
    public void Compute_MinimumNoticeAndBookingWindow_TrimTheRange()
    {
        var schedule = Schedule("UTC", 9, 17);
        var now = Utc(2026, 6, 10, 9, 50);

        var today = Day(schedule, Rules(noticeMinutes: 120), new LocalDate(2026, 6, 10), now);
        var last = Day(schedule, Rules(windowDays: 5), new LocalDate(2026, 6, 15), now);
        var beyond = Day(schedule, Rules(windowDays: 5), new LocalDate(2026, 6, 16), now);

        Assert.Equal(Utc(2026, 6, 10, 12), today[0].Start); // first step at or after 11:50
        Assert.Equal(Utc(2026, 6, 15, 16, 30), last[^1].Start); // five days after today, to the end of that day
        Assert.Empty(beyond);
    }

    // Cal.com's slot rules (issue 16): the grid is aligned to the interval and restarts in every free window.
    [Fact]
    public void Compute_OpeningAt0930With60MinuteSlots_StartsOnTheHour()
    {
        var date = new LocalDate(2026, 6, 10);
        var schedule = Schedule("UTC", 9, 17, overrides: new() { [date] = new DayHours(new LocalTime(9, 30), new LocalTime(17, 0)) });

        var slots = Day(schedule, Rules(minutes: 60, after: 0, step: 60), date);

        Assert.Equal(Enumerable.Range(10, 7).Select(h => Utc(2026, 6, 10, h)), slots.Select(s => s.Start));
    }

    [Fact]
    public void Compute_90MinuteSlotsAfterABusyHour_RestartWhenTheWindowOpens()
    {
        var date = new LocalDate(2026, 6, 10);
        var schedule = Schedule("UTC", 9, 17, busy: [new BusyBlock(Utc(2026, 6, 10, 9), Utc(2026, 6, 10, 10))]);

        var slots = Day(schedule, Rules(minutes: 90, after: 0, step: 90), date);

        Assert.Equal([Utc(2026, 6, 10, 10), Utc(2026, 6, 10, 11, 30), Utc(2026, 6, 10, 13), Utc(2026, 6, 10, 14, 30)], slots.Select(s => s.Start));
    }

    [Fact]
    public void Compute_AfterAMeetingEndingOffTheGrid_TheNextStartIsTheNextIntervalMark()
    {
        var date = new LocalDate(2026, 6, 10);
        var schedule = Schedule("UTC", 0, 8, busy: [new BusyBlock(Utc(2026, 6, 10, 4), Utc(2026, 6, 10, 4, 15))]);

        var slots = Day(schedule, Rules(minutes: 15, after: 0, step: 15), date);

        Assert.Contains(slots, s => s.Start == Utc(2026, 6, 10, 3, 45));
        Assert.DoesNotContain(slots, s => s.Start == Utc(2026, 6, 10, 4));
        Assert.Contains(slots, s => s.Start == Utc(2026, 6, 10, 4, 15));
    }

    [Fact]
    public void Compute_OpeningWithSecondsAndAnEndAt205959_OffersWholeMinutesAndTheLastQuarter()
    {
        var date = new LocalDate(2026, 6, 10);
        var hours = new DayHours(new LocalTime(11, 22, 36, 234), new LocalTime(20, 59, 59));
        var schedule = Schedule("UTC", 9, 17, overrides: new() { [date] = hours });

        var slots = Day(schedule, Rules(minutes: 15, after: 0, step: 15), date);

        Assert.Equal(Utc(2026, 6, 10, 11, 30), slots[0].Start);
        Assert.Equal(Utc(2026, 6, 10, 20, 45), slots[^1].Start);
        Assert.All(slots, s => Assert.Equal(0, s.Start.ToUnixTimeTicks() % Duration.FromMinutes(1).BclCompatibleTicks));
    }

    [Fact]
    public void Compute_SpecialistInKolkata_BookerInBerlin_SlotsOnTheBookersHour()
    {
        var date = new LocalDate(2026, 6, 10);
        var schedule = Schedule("Asia/Kolkata", 9, 17); // 03:30–11:30 UTC; Berlin (CEST) is UTC+2
        var from = schedule.Zone.AtStartOfDay(date).ToInstant();

        var slots = SlotCalculator.Compute(schedule, Rules(minutes: 60, after: 0, step: 60), from, from + Duration.FromDays(1), Now, DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

        Assert.Equal(Utc(2026, 6, 10, 4), slots[0].Start); // 06:00 in Berlin, 09:30 in Kolkata
        Assert.All(slots, s => Assert.Equal(0, s.Start.InZone(DateTimeZoneProviders.Tzdb["Europe/Berlin"]).Minute));
    }

    [Fact]
    public void IsFree_AStartBetweenGridMarks_IsFreeWhenTheTimeIs_ButNotWithSeconds()
    {
        var schedule = Schedule("UTC", 9, 17, busy: [new BusyBlock(Utc(2026, 6, 10, 12), Utc(2026, 6, 10, 13))]);
        var rules = Rules(minutes: 30, after: 0, step: 30);

        Assert.True(SlotCalculator.IsFree(schedule, rules, Utc(2026, 6, 10, 9, 10), Now));
        Assert.False(SlotCalculator.IsFree(schedule, rules, Utc(2026, 6, 10, 9, 10) + Duration.FromSeconds(30), Now));
        Assert.False(SlotCalculator.IsFree(schedule, rules, Utc(2026, 6, 10, 11, 40), Now)); // runs into the meeting
        Assert.True(SlotCalculator.IsFree(schedule, rules, Utc(2026, 6, 10, 13), Now));
        Assert.False(SlotCalculator.IsFree(schedule, rules, Utc(2026, 6, 10, 16, 45), Now)); // past closing
    }
}
