using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring;

/// <summary>The <c>Monitoring</c> configuration section.</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>
    /// Runs <c>MonitorCheckJob</c> (false: it has no trigger; tests drive <c>MonitorScheduler</c> by hand). The trigger is
    /// shared by a cluster, so set it alike on every instance.
    /// </summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due checks.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Checks run at once per instance.</summary>
    [Range(1, 256)]
    public int ConcurrentChecks { get; set; } = 16;

    /// <summary>
    /// Base address a relative monitor target (the platform's self-check, <c>/healthz</c>) is resolved against;
    /// empty = the first address this server listens on.
    /// </summary>
    public string? SelfBaseUrl { get; set; }

    /// <summary>Credit (percent of the monthly fee) owed for a month below a service's target.</summary>
    [Range(0.0, 100.0)]
    public double SlaBaseCreditPercent { get; set; } = 10;

    /// <summary>Larger credits for lower availability; the highest tier reached applies.</summary>
    public Sla.SlaCreditTier[] SlaCreditTiers { get; set; } =
    [
        new() { BelowPercent = 99.0, CreditPercent = 25 },
        new() { BelowPercent = 95.0, CreditPercent = 50 },
    ];

    /// <summary>Commands a "command" runbook may run, by name (never taken from the API): name → executable and arguments.</summary>
    public Dictionary<string, string[]> Commands { get; set; } = [];
}
