namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>An optimized portfolio: the weight of every asset (ticker → weight, summing to 1), its expected annual return, volatility and Sharpe ratio.</summary>
public sealed record OptimizeResponse(string Method, IReadOnlyDictionary<string, double> Weights, double Return, double Volatility, double Sharpe, double RiskFreeRate, DateOnly From, DateOnly To)
{
    /// <summary>Which solver answered and how long it took; null for HRP.</summary>
    public string? Solver { get; init; }

    /// <summary>For a cardinality-constrained portfolio: how the assets were chosen (the QSAI engine).</summary>
    public string? Selector { get; init; }
}
