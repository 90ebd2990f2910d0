namespace Nqba.Trading.Optimization;

/// <summary>What a cardinality-constrained portfolio optimizes once its assets are chosen.</summary>
public enum CardinalityObjective
{
    /// <summary>Minimum volatility.</summary>
    MinVolatility,

    /// <summary>Maximum Sharpe ratio.</summary>
    MaxSharpe,
}
