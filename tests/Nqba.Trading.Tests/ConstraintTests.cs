using Nqba.Trading.Estimation;
using Nqba.Trading.Optimization;

namespace Nqba.Trading.Tests;

public sealed class ConstraintTests
{
    private const double Tolerance = 1e-9;

    // PyPortfolioOpt's sector test (tests/test_efficient_frontier.py): mapper, upper and lower limits.
    private static readonly Dictionary<string, string> SectorOf = new()
    {
        ["GOOG"] = "tech",
        ["AAPL"] = "tech",
        ["FB"] = "tech",
        ["AMZN"] = "tech",
        ["BABA"] = "tech",
        ["GE"] = "utility",
        ["AMD"] = "tech",
        ["WMT"] = "retail",
        ["BAC"] = "fig",
        ["GM"] = "auto",
        ["T"] = "auto",
        ["UAA"] = "airline",
        ["SHLD"] = "retail",
        ["XOM"] = "energy",
        ["RRC"] = "energy",
        ["BBY"] = "retail",
        ["MA"] = "fig",
        ["PFE"] = "pharma",
        ["JPM"] = "fig",
        ["SBUX"] = "retail",
    };

    private static readonly Dictionary<string, (double Lower, double Upper)> Limits = new()
    {
        ["tech"] = (0, 0.2),
        ["utility"] = (0.01, 0.1),
        ["retail"] = (0, 0.2),
        ["fig"] = (0.02, 0.4),
        ["airline"] = (0.01, 0.05),
        ["energy"] = (0, 0.2),
    };

    private static IReadOnlyList<SectorLimit> Sectors(IReadOnlyList<string> tickers) =>
        [.. Limits.Select(l => new SectorLimit(l.Key, [.. Enumerable.Range(0, tickers.Count).Where(i => SectorOf[tickers[i]] == l.Key)], l.Value.Lower, l.Value.Upper))];

    public static TheoryData<string> Methods => new() { "min-volatility", "max-sharpe", "efficient-risk", "efficient-return" };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Optimizers_SectorLimits_AreRespected(string method)
    {
        var stocks = SampleData.Stocks;
        var constraints = new PortfolioConstraints { Sectors = Sectors(stocks.Tickers) };
        var frontier = new EfficientFrontier(stocks.Tickers, ExpectedReturns.MeanHistorical(stocks), RiskModels.SampleCovariance(stocks).Matrix, constraints);

        var portfolio = Run(frontier, method).Value;

        Assert.Equal(1.0, portfolio.Weights.Sum(), Tolerance);
        Assert.All(portfolio.Weights, w => Assert.InRange(w, -Tolerance, 1 + Tolerance));
        foreach (var sector in constraints.Sectors)
        {
            var total = sector.Assets.Sum(i => portfolio.Weights[i]);
            Assert.InRange(total, sector.Lower - Tolerance, sector.Upper + Tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Optimizers_WeightBounds_AreRespected(string method)
    {
        var stocks = SampleData.Stocks;
        var constraints = PortfolioConstraints.Uniform(stocks.Tickers.Count, 0.03, 0.13);
        var frontier = new EfficientFrontier(stocks.Tickers, ExpectedReturns.MeanHistorical(stocks), RiskModels.SampleCovariance(stocks).Matrix, constraints);

        var portfolio = Run(frontier, method).Value;

        Assert.Equal(1.0, portfolio.Weights.Sum(), Tolerance);
        Assert.All(portfolio.Weights, w => Assert.InRange(w, 0.03 - Tolerance, 0.13 + Tolerance));
    }

    [Fact]
    public void EfficientReturn_TargetAboveBest_IsAnError()
    {
        var stocks = SampleData.Stocks;
        var mu = ExpectedReturns.MeanHistorical(stocks);
        var frontier = new EfficientFrontier(stocks.Tickers, mu, RiskModels.SampleCovariance(stocks).Matrix);

        var result = frontier.EfficientReturn(mu.Max() + 0.01);

        Assert.False(result.IsSuccess);
        Assert.Equal("optimizer.target", result.Error.Code);
    }

    [Fact]
    public void EfficientRisk_TargetBelowMinimum_IsAnError()
    {
        var stocks = SampleData.Stocks;
        var frontier = new EfficientFrontier(stocks.Tickers, ExpectedReturns.MeanHistorical(stocks), RiskModels.SampleCovariance(stocks).Matrix);
        var minimum = frontier.MinVolatility().Value.Volatility;

        Assert.False(frontier.EfficientRisk(minimum - 0.01).IsSuccess);
        Assert.Equal(minimum + 0.01, frontier.EfficientRisk(minimum + 0.01).Value.Volatility, 1e-9);
    }

    [Fact]
    public void EfficientRisk_TargetAboveMaxReturnPortfolio_ReturnsTheMaxReturnPortfolio()
    {
        var stocks = SampleData.Stocks;
        var mu = ExpectedReturns.MeanHistorical(stocks);
        var frontier = new EfficientFrontier(stocks.Tickers, mu, RiskModels.SampleCovariance(stocks).Matrix);

        var portfolio = frontier.EfficientRisk(1.0).Value;

        Assert.Equal(mu.Max(), portfolio.ExpectedReturn, 1e-7);
        Assert.True(portfolio.Volatility < 1.0);
    }

    [Fact]
    public void Frontier_FivePoints_IsIncreasingInReturnAndVolatility()
    {
        var stocks = SampleData.Stocks;
        var frontier = new EfficientFrontier(stocks.Tickers, ExpectedReturns.MeanHistorical(stocks), RiskModels.SampleCovariance(stocks).Matrix);

        var points = frontier.Frontier(5).Value;

        Assert.Equal(5, points.Count);
        for (var k = 1; k < points.Count; k++)
        {
            Assert.True(points[k].ExpectedReturn > points[k - 1].ExpectedReturn);
            Assert.True(points[k].Volatility >= points[k - 1].Volatility - 1e-12);
        }
    }

    [Fact]
    public void Constraints_BoundsThatCannotSumToOne_AreAnError()
    {
        var stocks = SampleData.Stocks;
        var frontier = new EfficientFrontier(stocks.Tickers, ExpectedReturns.MeanHistorical(stocks), RiskModels.SampleCovariance(stocks).Matrix,
            PortfolioConstraints.Uniform(stocks.Tickers.Count, 0, 0.04));

        var result = frontier.MinVolatility();

        Assert.False(result.IsSuccess);
        Assert.Equal("optimizer.bounds", result.Error.Code);
    }

    private static TradingResult<Portfolio> Run(EfficientFrontier frontier, string method) => method switch
    {
        "min-volatility" => frontier.MinVolatility(),
        "max-sharpe" => frontier.MaxSharpe(),
        "efficient-risk" => frontier.EfficientRisk(0.19),
        _ => frontier.EfficientReturn(0.2),
    };
}
