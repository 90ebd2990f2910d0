using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Events;

/// <summary>The <c>Events</c> configuration section.</summary>
public sealed class EventsOptions
{
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Attempts per subscriber and event before the delivery is parked as a dead letter.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// False: events are not dispatched in the background (<see cref="OutboxDispatchJob"/> has no trigger; in tests, the
    /// code that calls <c>OutboxDispatcher.DispatchPendingAsync</c> drives it explicitly). The job's trigger is shared by
    /// a cluster, so set it alike on every instance.
    /// </summary>
    public bool DispatchInBackground { get; set; } = true;
}
