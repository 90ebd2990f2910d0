using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Tests.Support;

public sealed class SlaClockTests
{
    // Europe: 09:00-17:00 Berlin, Monday to Friday; Monday 2026-12-07 a regional holiday.
    private static readonly BusinessHours Europe = BusinessHours.Uniform("Europe/Berlin", new TimeOnly(9, 0), new TimeOnly(17, 0), [1, 2, 3, 4, 5], [new DateOnly(2026, 12, 7)]);
    private static readonly BusinessHours UsEast = BusinessHours.Uniform("America/New_York", new TimeOnly(9, 0), new TimeOnly(18, 0), [1, 2, 3, 4, 5], [new DateOnly(2026, 11, 26)]);
    private static readonly SlaTargets Standard = new("Standard ticket", TimeSpan.FromHours(4), TimeSpan.FromHours(2), TimeSpan.FromHours(8), AroundTheClock: false);

    private static WorkingTimeTable Table(BusinessHours hours) => new WorkingTimeTable(hours, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31));

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    private static SlaDeadlines Compute(SlaTargets targets, IWorkingTime time, params SlaEvent[] history) => SlaClock.Compute(history, targets, time, 0.8);

    [Fact]
    public void FirstResponse_OpenedFridayBeforeClosingWithHolidayMonday_FallsDueTuesday()
    {
        // Friday 2026-12-04 16:00 Berlin (15:00 UTC): one hour on Friday, the weekend and the holiday Monday closed,
        // three hours on Tuesday from 09:00 Berlin (08:00 UTC).
        var opened = Utc(2026, 12, 4, 15);

        var clocks = Compute(Standard, Table(Europe), new SlaEvent(opened, SlaEventKind.Opened));

        Assert.Equal(Utc(2026, 12, 8, 11), clocks.FirstResponse.DueAt);
        Assert.Equal(Utc(2026, 12, 8, 10, 12), clocks.FirstResponse.WarnAt); // 80 % = 3 h 12 min of business time
        Assert.True(clocks.FirstResponse.Running);
    }

    [Fact]
    public void FirstResponse_AcrossTheAutumnDstChange_CountsLocalBusinessHours()
    {
        // Friday 2026-10-23 15:00 CEST (13:00 UTC): two hours Friday; DST ends Sunday; Monday opens 09:00 CET = 08:00 UTC.
        var opened = Utc(2026, 10, 23, 13);

        var clocks = Compute(Standard, Table(Europe), new SlaEvent(opened, SlaEventKind.Opened));

        Assert.Equal(Utc(2026, 10, 26, 10), clocks.FirstResponse.DueAt);
    }

    [Fact]
    public void FirstResponse_AcrossTheSpringDstChangeInNewYork_CountsLocalBusinessHours()
    {
        // Friday 2026-03-06 16:00 EST (21:00 UTC): two hours Friday; DST starts Sunday 8 March; Monday opens 09:00 EDT = 13:00 UTC.
        var clocks = Compute(Standard, Table(UsEast), new SlaEvent(Utc(2026, 3, 6, 21), SlaEventKind.Opened));

        Assert.Equal(Utc(2026, 3, 9, 15), clocks.FirstResponse.DueAt);
    }

    [Fact]
    public void Emergency_AroundTheClock_FallsDueFifteenMinutesLaterEvenOnASunday()
    {
        var emergency = new SlaTargets("Emergency", TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(4), AroundTheClock: true);
        var opened = Utc(2026, 12, 6, 3, 0); // Sunday night

        var clocks = Compute(emergency, Table(Europe), new SlaEvent(opened, SlaEventKind.Opened));

        Assert.Equal(opened.AddMinutes(15), clocks.FirstResponse.DueAt);
        Assert.Equal(opened.AddMinutes(12), clocks.FirstResponse.WarnAt);
    }

    [Fact]
    public void Resolution_PausedWhilePendingOnClient_ResumesWithWhatWasLeft()
    {
        // Monday 2026-11-30 09:00 Berlin (08:00 UTC) opened; answered and set pending at 10:00; the client answers
        // Wednesday 09:00 Berlin. The resolution clock (8 h) had used 1 h: 7 h remain from Wednesday 09:00 → 16:00 Berlin.
        var opened = Utc(2026, 11, 30, 8);
        var answered = Utc(2026, 11, 30, 9);
        var clientBack = Utc(2026, 12, 2, 8);
        SlaEvent[] history =
        [
            new(opened, SlaEventKind.Opened),
            new(answered, SlaEventKind.AgentResponse),
            new(answered, SlaEventKind.Paused),
            new(clientBack, SlaEventKind.Resumed),
            new(clientBack, SlaEventKind.ClientMessage),
        ];

        var whilePaused = Compute(Standard, Table(Europe), history[..3]);
        var resumed = Compute(Standard, Table(Europe), history);

        Assert.True(whilePaused.Resolution.Paused);
        Assert.Null(whilePaused.Resolution.DueAt);
        Assert.Equal(TimeSpan.FromHours(1), whilePaused.Resolution.Consumed);
        Assert.Equal(Utc(2026, 12, 2, 15), resumed.Resolution.DueAt);
        Assert.False(resumed.FirstResponse.Running);
        Assert.False(resumed.FirstResponse.Missed);

        // The client's message starts a next-response cycle: 2 h from Wednesday 09:00 Berlin.
        Assert.Equal(Utc(2026, 12, 2, 10), resumed.NextResponse.DueAt);
        Assert.Equal(clientBack.Ticks, resumed.NextResponse.CycleKey);
    }

    [Fact]
    public void FirstResponse_AnsweredLate_IsMissedWithItsDueInstantKept()
    {
        var opened = Utc(2026, 11, 30, 8); // Monday 09:00 Berlin
        var clocks = Compute(Standard, Table(Europe), new(opened, SlaEventKind.Opened), new(Utc(2026, 11, 30, 13), SlaEventKind.AgentResponse));

        Assert.True(clocks.FirstResponse.Missed);
        Assert.Equal(Utc(2026, 11, 30, 12), clocks.FirstResponse.DueAt);
        Assert.False(clocks.FirstResponse.Running);
    }

    [Fact]
    public void Resolution_SolvedThenReopened_ContinuesWithTheTimeAlreadyUsed()
    {
        var opened = Utc(2026, 11, 30, 8); // Monday 09:00 Berlin
        var clocks = Compute(
            Standard,
            Table(Europe),
            new(opened, SlaEventKind.Opened),
            new(Utc(2026, 11, 30, 9), SlaEventKind.AgentResponse),
            new(Utc(2026, 11, 30, 10), SlaEventKind.Solved),
            new(Utc(2026, 12, 1, 8), SlaEventKind.Reopened));

        // 2 h used on Monday; 6 h from Tuesday 09:00 Berlin → 15:00 Berlin = 14:00 UTC.
        Assert.Equal(Utc(2026, 12, 1, 14), clocks.Resolution.DueAt);
    }

    // Zammad's semantics (issue 16): the update clock starts at the client's first message.
    [Fact]
    public void NextResponse_StartsAtTheOpeningMessage_NotOnlyAfterTheFirstAnswer()
    {
        var opened = Utc(2026, 12, 8, 8); // Tuesday 09:00 Berlin

        var clocks = Compute(Standard, Table(Europe), new SlaEvent(opened, SlaEventKind.Opened));

        Assert.True(clocks.NextResponse.Running);
        Assert.Equal(Utc(2026, 12, 8, 10), clocks.NextResponse.DueAt); // two business hours
    }

    [Fact]
    public void FirstResponse_SolvedUnansweredThenReopened_ResumesWithTheTimeAlreadyUsed()
    {
        var opened = Utc(2026, 12, 8, 8); // Tuesday 09:00 Berlin

        var clocks = Compute(Standard, Table(Europe),
            new SlaEvent(opened, SlaEventKind.Opened),
            new SlaEvent(Utc(2026, 12, 8, 9), SlaEventKind.Solved), // solved after one hour, nobody answered
            new SlaEvent(Utc(2026, 12, 8, 12), SlaEventKind.Reopened));

        Assert.True(clocks.FirstResponse.Running);
        Assert.Equal(Utc(2026, 12, 8, 15), clocks.FirstResponse.DueAt); // three hours left from 12:00 UTC
    }

    [Fact]
    public void NextDue_FirstResponseAnsweredLate_CountsOnlyTheClocksStillRunning()
    {
        var opened = Utc(2026, 12, 8, 8); // Tuesday 09:00 Berlin
        var ticket = new Nqba.Server.Modules.Support.Tickets.Ticket
        {
            Subject = "Late answer",
            RequesterName = "Client",
            RegionCode = "europe",
            Channel = TicketChannel.Email,
            Priority = TicketPriority.Normal,
            CreatedAt = opened,
        };
        var set = new SlaCalendarSet(new Dictionary<string, IWorkingTime> { ["europe"] = Table(Europe) }, new Dictionary<string, string> { ["europe"] = "europe" }, new Dictionary<Guid, string>(), "europe", [new SlaPolicy { Name = "Standard ticket", FirstResponse = TimeSpan.FromHours(4), NextResponse = TimeSpan.FromHours(2), Resolution = TimeSpan.FromHours(8) }], 0.8, "test");

        SlaPlanner.Apply(ticket, set, [new SlaEvent(opened, SlaEventKind.Opened), new SlaEvent(Utc(2026, 12, 8, 14), SlaEventKind.AgentResponse)]);

        Assert.Equal(Utc(2026, 12, 8, 12), ticket.FirstResponseDueAt); // missed: kept for the breach record
        Assert.Equal(Utc(2026, 12, 8, 16), ticket.ResolutionDueAt); // eight business hours: Tuesday 17:00 Berlin
        Assert.Equal(ticket.ResolutionDueAt, ticket.NextDueAt);
    }

    [Fact]
    public void Recompute_AfterAHolidayIsAdded_MovesTheDeadline()
    {
        var opened = Utc(2026, 12, 4, 15); // Friday 16:00 Berlin
        var withoutHoliday = Europe with { Holidays = [] };

        var before = Compute(Standard, Table(withoutHoliday), new SlaEvent(opened, SlaEventKind.Opened));
        var after = Compute(Standard, Table(Europe), new SlaEvent(opened, SlaEventKind.Opened));

        Assert.Equal(Utc(2026, 12, 7, 11), before.FirstResponse.DueAt);
        Assert.Equal(Utc(2026, 12, 8, 11), after.FirstResponse.DueAt);
    }

    [Theory]
    [InlineData("Europe/Berlin")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    public void WorkingTimeTable_AgreesWithTheBusinessCalendar(string zone)
    {
        var hours = BusinessHours.Uniform(zone, new TimeOnly(9, 0), new TimeOnly(17, 30), [1, 2, 3, 4, 5], [new DateOnly(2026, 5, 1), new DateOnly(2026, 12, 25)]);
        var table = new WorkingTimeTable(hours, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31));
        var calendar = new CalendarWorkingTime(new BusinessCalendar(hours));
        var random = new Random(20261124);
        for (var i = 0; i < 2000; i++)
        {
            var start = Utc(2026, 1, 1, 0).AddMinutes(random.Next(0, 365 * 24 * 60));
            var end = start.AddMinutes(random.Next(0, 30 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(1, 200 * 60));

            Assert.Equal(calendar.Between(start, end), table.Between(start, end));
            Assert.Equal(calendar.Add(start, duration), table.Add(start, duration));
        }
    }
}
