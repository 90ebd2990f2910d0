using Nqba.Trading.Estimation;
using Nqba.Trading.Optimization;
using Xunit.Abstractions;

namespace Nqba.Trading.Tests;

public sealed class CardinalityTests(ITestOutputHelper output)
{
    /// <summary>The QSAI selection may be at most this far (relative) from the best K-subset on these small cases.</summary>
    private const double AllowedGap = 0.05;

    private static readonly string[] FullHistory = ["AAPL", "GE", "AMD", "WMT", "BAC", "T", "XOM", "BBY", "PFE", "JPM"];

    private static (string[] Tickers, double[] Mu, double[,] Sigma) Universe()
    {
        var prices = SampleData.Stocks.Select([.. FullHistory.Select(SampleData.Stocks.IndexOf)]);
        return ([.. prices.Tickers], ExpectedReturns.MeanHistorical(prices), RiskModels.SampleCovariance(prices).Matrix);
    }

    [Theory]
    [InlineData(CardinalityObjective.MinVolatility, 3)]
    [InlineData(CardinalityObjective.MaxSharpe, 3)]
    [InlineData(CardinalityObjective.MinVolatility, 5)]
    public void Optimize_SmallUniverse_HoldsAtMostKAndIsCloseToExhaustive(CardinalityObjective objective, int k)
    {
        var (tickers, mu, sigma) = Universe();
        var options = new CardinalityOptions { Count = k, Objective = objective, SelectionTime = TimeSpan.FromMilliseconds(300) };

        var qsai = CardinalityOptimizer.Optimize(tickers, mu, sigma, options).Value;
        var best = CardinalityOptimizer.Exhaustive(tickers, mu, sigma, options).Value;

        var gap = (qsai.Objective - best.Objective) / Math.Abs(best.Objective);
        output.WriteLine($"{objective} K={k}: qsai {qsai.Objective:F6} [{string.Join(",", qsai.Selected.Select(i => tickers[i]))}], exhaustive {best.Objective:F6} [{string.Join(",", best.Selected.Select(i => tickers[i]))}] over {best.SubsetsSolved} subsets, gap {gap:P3}");
        Assert.True(qsai.Portfolio.Weights.Count(w => w != 0) <= k);
        Assert.Equal(1.0, qsai.Portfolio.Weights.Sum(), 1e-9);
        Assert.True(gap >= -1e-9, "the exhaustive search is the optimum");
        Assert.True(gap <= AllowedGap, $"gap {gap:P2}");
    }

    [Fact]
    public void Optimize_ExactlyKWithMinimumPosition_HoldsKAssetsAboveTheMinimum()
    {
        var (tickers, mu, sigma) = Universe();
        var options = new CardinalityOptions { Count = 4, Exactly = true, MinimumPosition = 0.1, SelectionTime = TimeSpan.FromMilliseconds(300) };

        var result = CardinalityOptimizer.Optimize(tickers, mu, sigma, options).Value;

        Assert.Equal(4, result.Portfolio.Weights.Count(w => w != 0));
        Assert.All(result.Portfolio.Weights.Where(w => w != 0), w => Assert.True(w >= 0.1 - 1e-9));
    }

    [Fact]
    public void Optimize_CountAboveUniverse_IsAnError()
    {
        var (tickers, mu, sigma) = Universe();

        var result = CardinalityOptimizer.Optimize(tickers, mu, sigma, new CardinalityOptions { Count = 11 });

        Assert.False(result.IsSuccess);
        Assert.Equal("cardinality.count", result.Error.Code);
    }
}
