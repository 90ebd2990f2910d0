namespace Nqba.Trading.Optimization;

/// <summary>An optimized portfolio and its expected performance (annualized, as PyPortfolioOpt's <c>portfolio_performance</c>).</summary>
/// <param name="Tickers">The assets, in the order of <paramref name="Weights"/>.</param>
/// <param name="Weights">The weights; they sum to 1.</param>
/// <param name="ExpectedReturn">μᵀw.</param>
/// <param name="Volatility">√(wᵀΣw).</param>
/// <param name="SharpeRatio">(μᵀw − r_f) / √(wᵀΣw).</param>
/// <param name="Solve">How the weights were computed (null for closed-form or heuristic methods such as HRP).</param>
public sealed record Portfolio(IReadOnlyList<string> Tickers, IReadOnlyList<double> Weights, double ExpectedReturn, double Volatility, double SharpeRatio, QpSolveOutcome? Solve)
{
    /// <summary>The weight of a ticker (0 when absent).</summary>
    public double WeightOf(string ticker)
    {
        var index = Tickers.ToList().IndexOf(ticker);
        return index < 0 ? 0 : Weights[index];
    }
}
