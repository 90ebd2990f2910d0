using Nqba.Trading.Data;
using Nqba.Trading.Estimation;
using Nqba.Trading.Optimization;

namespace Nqba.Trading.Backtesting;

/// <summary>
/// What a backtest trades: a rule that turns a window of past prices into weights, how often it rebalances, what
/// trading costs and how many days of history the rule sees.
/// </summary>
/// <param name="Name">A label for reports.</param>
/// <param name="ChooseWeights">Receives the last <paramref name="LookbackDays"/> rows up to and including the rebalance day, restricted to assets with a price on every one of those days; returns one weight per column.</param>
/// <param name="RebalanceEveryDays">Trading days between rebalances.</param>
/// <param name="CostBasisPoints">Transaction cost per unit of turnover, in basis points of the traded value.</param>
/// <param name="LookbackDays">Rows of history the rule sees (at least 2).</param>
public sealed record BacktestStrategy(string Name, Func<PriceTable, TradingResult<IReadOnlyList<double>>> ChooseWeights, int RebalanceEveryDays, double CostBasisPoints, int LookbackDays)
{
    /// <summary>Minimum volatility on the sample covariance of the window.</summary>
    public static BacktestStrategy MinVolatility(int rebalanceEveryDays, double costBasisPoints, int lookbackDays) =>
        new("min-volatility", window => Weights(Frontier(window).MinVolatility()), rebalanceEveryDays, costBasisPoints, lookbackDays);

    /// <summary>Maximum Sharpe ratio on mean historical return and sample covariance of the window.</summary>
    public static BacktestStrategy MaxSharpe(int rebalanceEveryDays, double costBasisPoints, int lookbackDays, double riskFreeRate = EfficientFrontier.DefaultRiskFreeRate) =>
        new("max-sharpe", window => Weights(Frontier(window).MaxSharpe(riskFreeRate)), rebalanceEveryDays, costBasisPoints, lookbackDays);

    /// <summary>Hierarchical risk parity on the window's returns.</summary>
    public static BacktestStrategy HierarchicalRiskParity(int rebalanceEveryDays, double costBasisPoints, int lookbackDays) =>
        new("hrp", window => TradingResult.Success(Optimization.HierarchicalRiskParity.Optimize(ReturnSeries.FromPrices(window)).Weights), rebalanceEveryDays, costBasisPoints, lookbackDays);

    /// <summary>Equal weights.</summary>
    public static BacktestStrategy EqualWeight(int rebalanceEveryDays, double costBasisPoints, int lookbackDays) =>
        new("equal-weight", window => TradingResult.Success<IReadOnlyList<double>>([.. Enumerable.Repeat(1.0 / window.Tickers.Count, window.Tickers.Count)]), rebalanceEveryDays, costBasisPoints, lookbackDays);

    private static EfficientFrontier Frontier(PriceTable window) =>
        new(window.Tickers, ExpectedReturns.MeanHistorical(window), RiskModels.SampleCovariance(window).Matrix);

    private static TradingResult<IReadOnlyList<double>> Weights(TradingResult<Portfolio> result) =>
        result.IsSuccess ? TradingResult.Success(result.Value.Weights) : TradingResult.Failure<IReadOnlyList<double>>(result.Error);
}
