using Nqba.Server.Modules.Monitoring.Maintenance;

namespace Nqba.Server.Tests.Monitoring;

public sealed class MaintenanceScheduleTests
{
    private static MaintenanceWindow Weekly() => new()
    {
        Title = "Database patching",
        LocalStart = "2026-10-18T02:00",
        TimeZone = "Europe/Berlin",
        DurationMinutes = 60,
        Recurrence = MaintenanceRecurrence.Weekly,
    };

    [Fact]
    public void WeeklyWindow_KeepsItsLocalTimeAcrossTheDaylightSavingChange()
    {
        // 18 Oct 2026 is CEST (UTC+2), 1 Nov 2026 is CET (UTC+1): 02:00 local is 00:00Z, then 01:00Z. On 25 Oct
        // 02:00 happens twice (clocks go back at 03:00 CEST); the window takes the first.
        var occurrences = MaintenanceSchedule.Occurrences(Weekly(), new DateTime(2026, 10, 17, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc)).ToList();

        Assert.Equal(
            [new DateTime(2026, 10, 18, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 25, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc)],
            occurrences.Select(o => o.Start));
    }

    [Fact]
    public void ActiveAt_InsideAndOutsideAnOccurrence()
    {
        var window = Weekly();

        Assert.NotNull(MaintenanceSchedule.ActiveAt(window, new DateTime(2026, 11, 22, 1, 30, 0, DateTimeKind.Utc)));
        Assert.Null(MaintenanceSchedule.ActiveAt(window, new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc)));
        Assert.Null(MaintenanceSchedule.ActiveAt(window, new DateTime(2026, 11, 23, 1, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void OneOffWindow_EndsAfterUntilAndRecurringStopsAtRecursUntil()
    {
        var window = Weekly();
        window.RecursUntil = "2026-10-25";

        var occurrences = MaintenanceSchedule.Occurrences(window, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)).ToList();

        Assert.Equal(2, occurrences.Count);
    }
}
