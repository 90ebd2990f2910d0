using Nqba.Trading.Backtesting;
using Nqba.Trading.Data;

namespace Nqba.Trading.Tests;

public sealed class BacktestTests
{
    private static readonly string[] FullHistory = ["AAPL", "GE", "WMT", "XOM", "PFE"];

    private static PriceTable Sample(int rows) =>
        SampleData.Stocks.Select([.. FullHistory.Select(SampleData.Stocks.IndexOf)]).Slice(0, rows);

    [Fact]
    public void Run_PricesPoisonedAfterRebalance_KeepWeightsChosenUpToIt()
    {
        var prices = Sample(900);
        var strategy = BacktestStrategy.MinVolatility(rebalanceEveryDays: 126, costBasisPoints: 10, lookbackDays: 252);
        var clean = Backtester.Run(prices, strategy).Value;
        var cut = clean.Rebalances[2].Date;
        var cutRow = prices.Dates.ToList().IndexOf(cut);

        // Every price after the rebalance day is scrambled; the rule must not have seen any of them.
        var random = new Random(3);
        var poisonedColumns = Enumerable.Range(0, prices.Tickers.Count)
            .Select(c => Enumerable.Range(0, prices.Rows).Select(r => r > cutRow ? prices[r, c] * (0.5 + random.NextDouble()) : prices[r, c]).ToArray())
            .ToArray();
        var poisoned = Backtester.Run(new PriceTable(prices.Dates, prices.Tickers, poisonedColumns), strategy).Value;

        for (var k = 0; k <= 2; k++)
        {
            Assert.Equal(clean.Rebalances[k].Weights, poisoned.Rebalances[k].Weights);
        }

        Assert.NotEqual(clean.Rebalances[3].Weights, poisoned.Rebalances[3].Weights);
    }

    [Fact]
    public void Run_EqualWeightWithCosts_ChargesTurnoverAndTracksBenchmark()
    {
        var prices = Sample(400);
        var strategy = BacktestStrategy.EqualWeight(rebalanceEveryDays: 21, costBasisPoints: 25, lookbackDays: 20);

        var result = Backtester.Run(prices, strategy, SampleData.Spy).Value;

        Assert.Equal(prices.Rows - 19, result.Equity.Count);
        Assert.Equal(1.0, result.Rebalances[0].Turnover, 1e-12);
        Assert.Equal(25e-4, result.Rebalances[0].Cost, 1e-12);
        Assert.True(result.TotalCost > result.Rebalances[0].Cost);
        Assert.NotNull(result.BenchmarkEquity);
        Assert.Equal(1.0, result.BenchmarkEquity![0]);
        Assert.NotNull(result.Metrics.Beta);
    }

    [Fact]
    public void Run_LookbackLongerThanHistory_IsAnError()
    {
        var result = Backtester.Run(Sample(100), BacktestStrategy.EqualWeight(21, 0, 252));

        Assert.False(result.IsSuccess);
        Assert.Equal("backtest.history", result.Error.Code);
    }
}
