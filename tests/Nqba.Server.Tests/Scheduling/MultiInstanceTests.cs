using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Modules.Scheduling.Reminders;

namespace Nqba.Server.Tests.Scheduling;

/// <summary>Two server instances on one database (SQLite file, or PostgreSQL with NQBA_TEST_DB=postgres), and a restart.</summary>
public sealed class MultiInstanceTests
{
    [Fact]
    public async Task Book_FiftyRequestsSpreadOverTwoInstances_ExactlyOneBooking()
    {
        await using var first = new SchedulingFactory();
        await first.InitializeAsync();
        await using var second = new SharedDatabaseFactory(first);
        await second.InitializeAsync();
        try
        {
            var specialist = await first.CreateSpecialistAsync();
            var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(9), 13);

            var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
                (i % 2 == 0 ? first : (SchedulingFactory)second).CreateClient().PostAsJsonAsync("/api/scheduling/bookings",
                    new { meetingType = "test-20", start, specialistId = specialist, name = "Racer", email = $"racer{i}@example.com" })));

            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            var other = responses.FirstOrDefault(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
            Assert.True(other is null, other is null ? null : $"{other.StatusCode}: {await other.Content.ReadAsStringAsync()}");
            Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            await using var scope = second.Services.CreateAsyncScope();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Bookings.CountAsync(b => b.SpecialistId == specialist && b.Status == BookingStatus.Booked));
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
            await ((IAsyncLifetime)first).DisposeAsync();
        }
    }

    [Fact]
    public async Task Reminder_ServerRestartsBetweenBookingAndReminder_ReminderIsSentOnce()
    {
        var before = new SchedulingFactory();
        await before.InitializeAsync();
        SharedDatabaseFactory? after = null;
        try
        {
            var specialist = await before.CreateSpecialistAsync();
            var start = SchedulingFactory.Berlin(SchedulingFactory.Weekday(8), 10);
            var email = $"remind-{Guid.NewGuid():N}@example.com";
            var booked = await before.CreateClient().PostAsJsonAsync("/api/scheduling/bookings",
                new { meetingType = "test-20", start, specialistId = specialist, name = "Ada", email, timeZone = "Europe/Berlin" });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            var bookingId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            await before.DisposeAsync(); // the process stops; its database stays
            after = new SharedDatabaseFactory(before);
            await after.InitializeAsync();
            var dueAt = start.UtcDateTime.AddHours(-23); // the 24-hour reminder is due, the 1-hour one not yet
            var instanceA = after.CreateJobRunner();
            var instanceB = after.CreateJobRunner();

            var ran = await Task.WhenAll(instanceA.RunDueAsync(dueAt, CancellationToken.None), instanceB.RunDueAsync(dueAt, CancellationToken.None));
            var again = await instanceA.RunDueAsync(dueAt.AddMinutes(5), CancellationToken.None);

            await using var scope = after.Services.CreateAsyncScope();
            var jobs = await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Jobs.AsNoTracking().Where(j => j.BookingId == bookingId).ToListAsync();
            var reminders = jobs.Where(j => j.Kind == ScheduledJobKind.Reminder).OrderBy(j => j.DueAt).ToList();
            Assert.Equal(2, reminders.Count);
            Assert.True(reminders[0].DoneAt is not null, reminders[0].LastError); // 24 h before
            Assert.Equal(1, reminders[0].Attempts);
            Assert.Null(reminders[1].DoneAt); // 1 h before: not due yet
            Assert.Equal(0, again);
            Assert.Equal(2, ran.Sum()); // the reminder and the briefing, each by one instance
            var sent = (await after.MailsWithAsync(email)).Count(t => t.Contains("Reminder", StringComparison.Ordinal));
            Assert.Equal(1, sent);
        }
        finally
        {
            if (after is not null)
            {
                await ((IAsyncLifetime)after).DisposeAsync();
            }

            await ((IAsyncLifetime)before).DisposeAsync();
        }
    }
}
