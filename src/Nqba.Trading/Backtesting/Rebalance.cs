namespace Nqba.Trading.Backtesting;

/// <summary>One rebalance of a backtest.</summary>
/// <param name="Date">The day whose closing prices were the last the rule saw and at which it traded.</param>
/// <param name="Tickers">The assets the rule was given.</param>
/// <param name="Weights">The weights it chose.</param>
/// <param name="Turnover">Σ|target − drifted weight| over all assets (1 for the first purchase from cash).</param>
/// <param name="Cost">The cost paid, as a fraction of the portfolio value before trading × that value.</param>
public sealed record Rebalance(DateOnly Date, IReadOnlyList<string> Tickers, IReadOnlyList<double> Weights, double Turnover, double Cost);
