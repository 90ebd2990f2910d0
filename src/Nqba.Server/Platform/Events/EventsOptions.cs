using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Events;

/// <summary>The <c>Events</c> configuration section.</summary>
public sealed class EventsOptions
{
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}
