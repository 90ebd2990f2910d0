using System.Net;
using System.Net.Http.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>
/// Timed work driven the way every test drives it: the server's scheduler does not fire (<c>Jobs:FireOnSchedule=false</c>),
/// the test moves the server's clock (<see cref="NqbaFactory.Clock"/>) and runs the due jobs
/// (<see cref="NqbaFactory.RunDueJobsAsync"/>). No waiting: what was due has happened when the call returns.
/// </summary>
public sealed class DueWorkTests(DueWorkTests.Factory factory) : IClassFixture<DueWorkTests.Factory>
{
    public sealed class Factory : SchedulingFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Scheduling:JobsEnabled"] = "true",
            ["Jobs:FireOnSchedule"] = "false",
        };
    }

    [Fact]
    public async Task Reminder_IsSentOnce_WhenTheServersClockReachesItsTime()
    {
        var specialist = await factory.CreateSpecialistAsync();
        var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(8), 10);
        var email = $"due-{Guid.NewGuid():N}@example.com";
        var booked = await factory.CreateClient().PostAsJsonAsync("/api/scheduling/bookings",
            new { meetingType = "test-20", start, specialistId = specialist, name = "Ada", email, timeZone = "Europe/Berlin" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        async Task<int> RemindersAsync() => (await factory.MailsWithAsync(email)).Count(t => t.Contains("Reminder", StringComparison.Ordinal));

        await factory.RunDueJobsAsync();
        Assert.Equal(0, await RemindersAsync()); // eight weekdays ahead: nothing is due yet

        // To 23 hours before the meeting: the 24-hour reminder is due, the 1-hour one is not.
        factory.Clock.Advance(start - factory.Clock.GetUtcNow() - TimeSpan.FromHours(23));
        await factory.RunDueJobsAsync();
        Assert.Equal(1, await RemindersAsync());

        await factory.RunDueJobsAsync();
        Assert.Equal(1, await RemindersAsync()); // done work is not done again

        factory.Clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(30)); // 30 minutes before: the 1-hour one
        await factory.RunDueJobsAsync();
        Assert.Equal(2, await RemindersAsync());
    }
}
