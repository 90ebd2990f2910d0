namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>
/// A monitor's normal share of failed checks at this time of day, learnt from the same hour-long window on each of
/// the last days (daily seasonality). The error series drifts when its latest checks fail clearly more often than
/// that, even while the retries still keep the monitor up.
/// </summary>
internal sealed record ErrorRateBaseline(int Samples, int Failures)
{
    public const int MinimumSamples = 12;

    /// <summary>How many of the latest checks make up the current error rate.</summary>
    public const int RecentChecks = 10;

    /// <summary>Fewer failures than this among the latest checks are never a drift, whatever the baseline.</summary>
    public const int MinimumRecentFailures = 3;

    /// <summary>The usual failure rate (0–1).</summary>
    public double Rate => (double)Failures / Samples;

    /// <summary>
    /// How far above the usual rate <paramref name="checks"/> checks may fail by chance: four standard deviations of
    /// a binomial share, and at least 20 percentage points.
    /// </summary>
    public double Margin(int checks) => Math.Max(4 * Math.Sqrt(Rate * (1 - Rate) / checks), 0.2);

    /// <summary>Above this rate the latest <paramref name="checks"/> checks are out of the baseline.</summary>
    public double Threshold(int checks) => Rate + Margin(checks);

    /// <summary>Learns the baseline from past check outcomes (true: the check failed); null with too few.</summary>
    public static ErrorRateBaseline? Learn(IReadOnlyCollection<bool> failed) =>
        failed.Count < MinimumSamples ? null : new ErrorRateBaseline(failed.Count, failed.Count(f => f));

    /// <summary>True when the latest checks (at least half a window of them) hold enough failures, at a rate above the threshold.</summary>
    public bool Drifting(IReadOnlyCollection<bool> latest)
    {
        var failures = latest.Count(f => f);
        return latest.Count >= RecentChecks / 2 && failures >= MinimumRecentFailures && (double)failures / latest.Count > Threshold(latest.Count);
    }

    /// <summary>True when the latest checks fail at most half the margin above the usual rate (a drift is over; the gap keeps a warning from flapping).</summary>
    public bool Recovered(IReadOnlyCollection<bool> latest) =>
        latest.Count > 0 && (double)latest.Count(f => f) / latest.Count <= Rate + (Margin(latest.Count) / 2);
}
