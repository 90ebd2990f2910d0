namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>An optimized portfolio: the weight of every asset (ticker → weight, summing to 1), its expected annual return, volatility and Sharpe ratio.</summary>
public sealed record OptimizeResponse(string Method, IReadOnlyDictionary<string, double> Weights, double Return, double Volatility, double Sharpe, double RiskFreeRate, DateOnly From, DateOnly To)
{
    /// <summary>Which solver answered and how long it took; null for HRP.</summary>
    public string? Solver { get; init; }

    /// <summary>For a cardinality-constrained portfolio: how the assets were chosen (the QSAI engine).</summary>
    public string? Selector { get; init; }

    /// <summary>The estimators used: expected returns (and whether compounded), the risk model and, for Ledoit-Wolf, its shrinkage.</summary>
    public string? Estimators { get; init; }

    /// <summary>When cash was given: whole shares per ticker at the last stored closes, the cash left over, and the method.</summary>
    public AllocationResponse? Allocation { get; init; }
}

/// <summary>Whole shares per ticker, the prices used (the last stored close), the cash left over and how it was solved.</summary>
public sealed record AllocationResponse(IReadOnlyDictionary<string, long> Shares, IReadOnlyDictionary<string, double> Prices, double Leftover, string Method);
