namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>
/// A monitor's normal latency at this time of day, learnt from the same hour-long window on each of the last
/// days (daily seasonality). A series drifts when its latest samples all lie well above it.
/// </summary>
internal sealed record LatencyBaseline(int Samples, double Mean, double StandardDeviation)
{
    public const int MinimumSamples = 6;

    /// <summary>Above this, a sample is out of the baseline: four standard deviations, and at least 50 % and 5 ms over the mean.</summary>
    public double Threshold => Mean + Math.Max(4 * StandardDeviation, Math.Max(0.5 * Mean, 5));

    public static LatencyBaseline? Learn(IReadOnlyCollection<double> samples)
    {
        if (samples.Count < MinimumSamples)
        {
            return null;
        }

        var mean = samples.Average();
        var variance = samples.Sum(s => (s - mean) * (s - mean)) / (samples.Count - 1);
        return new LatencyBaseline(samples.Count, mean, Math.Sqrt(variance));
    }

    /// <summary>True when every one of the (at least three) latest samples is above the threshold.</summary>
    public bool Drifting(IReadOnlyCollection<double> latest) => latest.Count >= 3 && latest.All(l => l > Threshold);
}
