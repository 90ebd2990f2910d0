using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Invites;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Modules.Scheduling.Reminders;

/// <summary>
/// Runs due reminder, briefing and follow-up jobs (<see cref="ReminderJob"/> calls it on its schedule). Jobs live in the
/// database (written with the booking), so a restart loses none; an instance claims a job with a conditional update on
/// its claim, so however many instances run it, each job runs once (a crash after sending and before marking it done
/// sends it again after the claim lapses). A failed job is retried with exponential back-off, up to 10 attempts.
/// </summary>
internal sealed partial class JobRunner(IServiceScopeFactory scopes, ILogger<JobRunner> logger)
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    /// <summary>Claims and runs the jobs due at <paramref name="now"/>; returns how many this instance ran.</summary>
    public async Task<int> RunDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var due = await db.Jobs.AsNoTracking()
            .Where(j => j.DoneAt == null && j.DueAt <= now && j.Attempts < 10 && (j.ClaimedUntil == null || j.ClaimedUntil < now))
            .OrderBy(j => j.DueAt).Take(50).ToListAsync(cancellationToken);
        var ran = 0;
        foreach (var job in due)
        {
            var claimedUntil = now + ClaimDuration;
            var claimed = await db.Jobs
                .Where(j => j.Id == job.Id && j.DoneAt == null && (j.ClaimedUntil == null || j.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedUntil, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            string? error = null;
            try
            {
                await RunAsync(scope.ServiceProvider, job, now, cancellationToken);
                ran++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                error = ex.GetType().Name + ": " + ex.Message;
                LogJobFailed(logger, job.Kind, job.Id, ex);
            }

            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.DoneAt, error == null ? now : null)
                    .SetProperty(j => j.ClaimedUntil, error == null ? null : now + TimeSpan.FromMinutes(Math.Pow(2, job.Attempts)))
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.LastError, error == null ? null : error[..Math.Min(error.Length, 2000)]),
                cancellationToken);
        }

        return ran;
    }

    private static async Task RunAsync(IServiceProvider services, ScheduledJob job, DateTime now, CancellationToken cancellationToken)
    {
        using var activity = NqbaTelemetry.ActivitySource.StartActivity("scheduling job");
        activity?.SetTag("job.kind", job.Kind.ToString());
        NqbaTelemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", "scheduling." + job.Kind.ToString().ToLowerInvariant()));
        var db = services.GetRequiredService<SchedulingDbContext>();
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == job.BookingId, cancellationToken);
        var mailer = services.GetRequiredService<BookingMailer>();
        switch (job.Kind)
        {
            case ScheduledJobKind.Reminder when booking?.Status == BookingStatus.Booked:
                await mailer.SendAsync(booking.Id, BookingMailKind.Reminder, cancellationToken, startsIn: booking.Start - now);
                break;
            case ScheduledJobKind.FollowUp when booking?.Status is BookingStatus.Booked or BookingStatus.Completed:
                await mailer.SendAsync(booking.Id, BookingMailKind.FollowUp, cancellationToken);
                break;
            case ScheduledJobKind.Briefing when booking?.Status == BookingStatus.Booked:
                await services.GetRequiredService<Briefings.BriefingService>().SendAsync(booking, now, cancellationToken);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduling job {Kind} {Id} failed")]
    private static partial void LogJobFailed(ILogger logger, ScheduledJobKind kind, Guid id, Exception exception);
}
