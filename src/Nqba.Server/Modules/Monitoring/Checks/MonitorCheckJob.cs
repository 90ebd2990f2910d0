using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>
/// Every <see cref="MonitoringOptions.PollInterval"/> (declared in <c>AddMonitoringModule</c>): runs the checks due now
/// (<see cref="MonitorScheduler"/>). Each monitor keeps its own interval in its row; this job only looks for those due.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MonitorCheckJob(MonitorScheduler scheduler, IHostApplicationLifetime lifetime) : INqbaJob
{
    public Task RunAsync(CancellationToken cancellationToken) =>
        // The platform's self-check probes this server: until it listens, that check could only fail.
        lifetime.ApplicationStarted.IsCancellationRequested ? scheduler.RunDueAsync(cancellationToken) : Task.CompletedTask;
}
