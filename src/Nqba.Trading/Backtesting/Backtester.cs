using Nqba.Trading.Data;
using Nqba.Trading.Risk;

namespace Nqba.Trading.Backtesting;

/// <summary>
/// Walks a strategy forward through history without look-ahead: at each rebalance day the rule sees only the
/// prices up to and including that day's close (a slice of the table, so later rows are out of reach), the portfolio
/// trades at that close paying the cost on the turnover, and the holdings then drift with prices until the next
/// rebalance. A missing later price (delisting) counts as an unchanged price.
/// </summary>
public static class Backtester
{
    private const double BasisPoint = 1e-4;

    /// <summary>Runs the backtest; <paramref name="benchmark"/> (first column) gives the benchmark curve and beta.</summary>
    public static TradingResult<BacktestResult> Run(PriceTable prices, BacktestStrategy strategy, PriceTable? benchmark = null, double riskFreeRate = 0.02)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(strategy);
        if (strategy.LookbackDays < 2 || strategy.RebalanceEveryDays < 1 || strategy.CostBasisPoints < 0)
        {
            return TradingResult.Failure<BacktestResult>("backtest.strategy", "The lookback needs at least 2 days, the rebalance interval at least 1 day and costs must not be negative.");
        }

        var first = strategy.LookbackDays - 1;
        if (first >= prices.Rows - 1)
        {
            return TradingResult.Failure<BacktestResult>("backtest.history", $"The price history has {prices.Rows} days; the lookback needs {strategy.LookbackDays} plus at least one day to trade.");
        }

        var n = prices.Tickers.Count;
        var holdings = new double[n];
        var value = 1.0;
        var equity = new List<double>();
        var dates = new List<DateOnly>();
        var rebalances = new List<Rebalance>();
        for (var t = first; t < prices.Rows; t++)
        {
            if (t > first)
            {
                var grown = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var ratio = prices[t, i] / prices[t - 1, i];
                    holdings[i] *= double.IsFinite(ratio) ? ratio : 1;
                    grown += holdings[i];
                }

                value = grown;
            }

            if ((t - first) % strategy.RebalanceEveryDays == 0 && t < prices.Rows - 1)
            {
                var window = prices.Slice(t - strategy.LookbackDays + 1, t + 1);
                var eligible = Enumerable.Range(0, n).Where(i => Enumerable.Range(0, window.Rows).All(r => double.IsFinite(window[r, i]))).ToArray();
                if (eligible.Length == 0)
                {
                    return TradingResult.Failure<BacktestResult>("backtest.history", $"No asset has a full price history in the window ending {prices.Dates[t]:yyyy-MM-dd}.");
                }

                var chosen = strategy.ChooseWeights(window.Select(eligible));
                if (!chosen.IsSuccess)
                {
                    return TradingResult.Failure<BacktestResult>(chosen.Error with { Message = $"{prices.Dates[t]:yyyy-MM-dd}: {chosen.Error.Message}" });
                }

                var target = new double[n];
                for (var k = 0; k < eligible.Length; k++)
                {
                    target[eligible[k]] = chosen.Value[k];
                }

                var turnover = 0.0;
                for (var i = 0; i < n; i++)
                {
                    turnover += Math.Abs(target[i] - (value > 0 ? holdings[i] / value : 0));
                }

                var cost = value * turnover * strategy.CostBasisPoints * BasisPoint;
                value -= cost;
                for (var i = 0; i < n; i++)
                {
                    holdings[i] = target[i] * value;
                }

                rebalances.Add(new Rebalance(prices.Dates[t], [.. eligible.Select(i => prices.Tickers[i])], chosen.Value, turnover, cost));
            }

            equity.Add(value);
            dates.Add(prices.Dates[t]);
        }

        var returns = Enumerable.Range(1, equity.Count - 1).Select(k => (equity[k] / equity[k - 1]) - 1).ToArray();
        var benchmarkEquity = benchmark is null ? null : BenchmarkCurve(benchmark, dates);
        var benchmarkReturns = benchmarkEquity is null ? null : Enumerable.Range(1, benchmarkEquity.Length - 1).Select(k => (benchmarkEquity[k] / benchmarkEquity[k - 1]) - 1).ToArray();
        return TradingResult.Success(new BacktestResult(
            strategy.Name,
            dates,
            equity,
            benchmarkEquity,
            rebalances,
            rebalances.Sum(r => r.Turnover),
            rebalances.Sum(r => r.Cost),
            RiskMetrics.Compute(returns, benchmarkReturns, riskFreeRate),
            benchmarkReturns is null ? null : RiskMetrics.Compute(benchmarkReturns, null, riskFreeRate)));
    }

    /// <summary>The benchmark's value on each backtest date relative to the first (last known price carried forward).</summary>
    private static double[] BenchmarkCurve(PriceTable benchmark, List<DateOnly> dates)
    {
        var curve = new double[dates.Count];
        var row = 0;
        var last = double.NaN;
        for (var k = 0; k < dates.Count; k++)
        {
            while (row < benchmark.Rows && benchmark.Dates[row] <= dates[k])
            {
                if (double.IsFinite(benchmark[row, 0]))
                {
                    last = benchmark[row, 0];
                }

                row++;
            }

            curve[k] = last;
        }

        var start = curve.FirstOrDefault(double.IsFinite);
        return [.. curve.Select(p => double.IsFinite(p) && start > 0 ? p / start : 1)];
    }
}
