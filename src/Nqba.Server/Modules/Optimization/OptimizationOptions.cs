using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Optimization;

/// <summary>The <c>Optimization</c> configuration section.</summary>
public sealed class OptimizationOptions
{
    public const string SectionName = "Optimization";

    /// <summary>Requests with a time budget up to this are answered in the response; longer ones become jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan SynchronousBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest time budget a request may ask for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxBudget { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Solver threads per request (0 = all cores).</summary>
    [Range(0, 256)]
    public int Threads { get; set; } = 1;

    /// <summary>Jobs run at once per instance.</summary>
    [Range(1, 64)]
    public int ConcurrentJobs { get; set; } = 1;

    /// <summary>
    /// How often the queue is looked at besides when a job is queued: for jobs whose instance stopped mid-solve (their
    /// claim lapses) and jobs left waiting while every slot was busy.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
