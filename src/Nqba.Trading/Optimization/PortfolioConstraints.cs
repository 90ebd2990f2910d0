namespace Nqba.Trading.Optimization;

/// <summary>Weight bounds and sector limits. The default is long-only with each weight in [0, 1].</summary>
public sealed record PortfolioConstraints
{
    /// <summary>Long-only, weights in [0, 1], no sector limits.</summary>
    public static PortfolioConstraints LongOnly { get; } = new();

    /// <summary>Per-asset lower bounds; null means 0 for every asset. Use −∞ (or a negative bound) to allow shorting.</summary>
    public IReadOnlyList<double>? Lower { get; init; }

    /// <summary>Per-asset upper bounds; null means 1 for every asset.</summary>
    public IReadOnlyList<double>? Upper { get; init; }

    /// <summary>Sector limits.</summary>
    public IReadOnlyList<SectorLimit> Sectors { get; init; } = [];

    /// <summary>The same bounds for every asset.</summary>
    public static PortfolioConstraints Uniform(int assets, double lower, double upper) =>
        new() { Lower = [.. Enumerable.Repeat(lower, assets)], Upper = [.. Enumerable.Repeat(upper, assets)] };

    internal double LowerOf(int asset) => Lower?[asset] ?? 0;

    internal double UpperOf(int asset) => Upper?[asset] ?? 1;
}
