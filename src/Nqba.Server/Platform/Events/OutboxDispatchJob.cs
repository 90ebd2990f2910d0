using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Platform.Events;

/// <summary>
/// Delivers the committed events (<see cref="OutboxDispatcher"/>) until fewer than a batch are waiting. Fired every
/// <see cref="EventsOptions.PollInterval"/> and, through <see cref="JobTrigger{TJob}"/>, as soon as a transaction that
/// wrote events commits, so delivery does not wait for the next poll. Declared in <c>AddPlatform</c>.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, JobTrigger<OutboxDispatchJob> trigger, IOptions<EventsOptions> options) : INqbaJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.Taken();
        while (await dispatcher.DispatchPendingAsync(cancellationToken) >= options.Value.BatchSize)
        {
            // A full batch: more are probably waiting.
        }
    }
}
