namespace Nqba.Trading.Optimization;

/// <summary>A cardinality constraint and how to search for the assets.</summary>
public sealed record CardinalityOptions
{
    /// <summary>K, the number of assets (at most, or exactly with <see cref="Exactly"/>).</summary>
    public required int Count { get; init; }

    /// <summary>True for exactly K assets, each holding at least <see cref="MinimumPosition"/> (or 0.01 % when that is 0).</summary>
    public bool Exactly { get; init; }

    /// <summary>The smallest weight an asset that is held may have; smaller positions are removed and the weights solved again.</summary>
    public double MinimumPosition { get; init; }

    /// <summary>What to optimize on the chosen assets.</summary>
    public CardinalityObjective Objective { get; init; } = CardinalityObjective.MinVolatility;

    /// <summary>The risk-free rate for <see cref="CardinalityObjective.MaxSharpe"/>.</summary>
    public double RiskFreeRate { get; init; } = EfficientFrontier.DefaultRiskFreeRate;

    /// <summary>The QSAI engine's time budget for the selection.</summary>
    public TimeSpan SelectionTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The QSAI engine's seed (the same seed gives the same selection).</summary>
    public int Seed { get; init; } = 1;
}
