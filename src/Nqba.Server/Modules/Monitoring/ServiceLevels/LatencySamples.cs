namespace Nqba.Server.Modules.Monitoring.ServiceLevels;

/// <summary>The latest samples of one measurement (a fixed-size ring), summarised on demand.</summary>
internal sealed class LatencySamples(int capacity)
{
    private readonly double[] _ring = new double[capacity];
    private readonly Lock _lock = new();
    private int _next;
    private int _count;
    private long _total;

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _ring[_next] = milliseconds;
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
            _total++;
        }
    }

    public ServiceLevelDto Summarise(string name, double targetMs)
    {
        double[] copy;
        long total;
        lock (_lock)
        {
            copy = _ring[.._count];
            total = _total;
        }

        if (copy.Length == 0)
        {
            return new ServiceLevelDto(name, 0, total, null, null, null, targetMs, null);
        }

        Array.Sort(copy);
        var average = copy.Average();
        return new ServiceLevelDto(name, copy.Length, total, Math.Round(average, 3), Math.Round(Percentile(copy, 0.95), 3), Math.Round(Percentile(copy, 0.99), 3), targetMs, average < targetMs);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
