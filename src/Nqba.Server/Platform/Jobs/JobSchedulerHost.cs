using Microsoft.Extensions.Options;
using Quartz;

namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// Starts the Quartz scheduler once the application has started (so no job fires into a half-started host) when
/// <see cref="JobsOptions.FireOnSchedule"/> is on, and shuts it down on stop, waiting for running jobs (their tokens are
/// cancelled, see <c>ShutdownJobInterruption</c>). Quartz's own hosted service does the same without the switch.
/// </summary>
internal sealed class JobSchedulerHost(ISchedulerFactory schedulers, IOptions<JobsOptions> options, IHostApplicationLifetime lifetime) : IHostedService
{
    private IScheduler? _scheduler;
    private Task _starting = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.FireOnSchedule)
        {
            return;
        }

        _scheduler = await schedulers.GetScheduler(cancellationToken);
        var scheduler = _scheduler;
        lifetime.ApplicationStarted.Register(() => _starting = scheduler.Start(lifetime.ApplicationStopping).AsTask());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
        {
            await _starting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
