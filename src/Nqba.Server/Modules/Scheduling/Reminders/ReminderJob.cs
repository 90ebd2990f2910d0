using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Scheduling.Calendars;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Scheduling.Reminders;

/// <summary>
/// Every <see cref="SchedulingOptions.JobPollInterval"/> (declared in <c>AddSchedulingModule</c>): runs the reminders,
/// briefings and follow-ups due now (<see cref="JobRunner"/>, which retries a failed one on its own back-off), then
/// fetches the busy-time feeds not refreshed for <see cref="SchedulingOptions.FeedRefreshInterval"/>.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReminderJob(JobRunner runner, FeedFetcher feeds, SchedulingDbContext db, IOptions<SchedulingOptions> options, TimeProvider time) : INqbaJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await runner.RunDueAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
        await feeds.RefreshStaleAsync(db, options.Value.FeedRefreshInterval, cancellationToken);
    }
}
