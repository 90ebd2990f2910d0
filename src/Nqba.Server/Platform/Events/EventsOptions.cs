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
    /// False: this instance does not dispatch events (another instance does, or, in tests, the code that calls
    /// <c>OutboxDispatcher.DispatchPendingAsync</c> drives it explicitly).
    /// </summary>
    public bool DispatchInBackground { get; set; } = true;
}
