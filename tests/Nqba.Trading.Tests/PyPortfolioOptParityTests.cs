using Nqba.Trading.Estimation;
using Nqba.Trading.Optimization;

namespace Nqba.Trading.Tests;

/// <summary>
/// The figures PyPortfolioOpt's own test suite asserts on the same file (tests/test_efficient_frontier.py,
/// test_expected_returns.py, test_hrp.py), with the tolerances it uses there.
/// </summary>
public sealed class PyPortfolioOptParityTests
{
    /// <summary>numpy's assert_array_almost_equal(decimal=6): |a − b| &lt; 1.5e-6.</summary>
    private const double NumpySixDecimals = 1.5e-6;

    private static EfficientFrontier LongOnly() =>
        new(SampleData.Stocks.Tickers, ExpectedReturns.MeanHistorical(SampleData.Stocks), RiskModels.SampleCovariance(SampleData.Stocks).Matrix);

    private static void AssertPerformance(Portfolio portfolio, double expectedReturn, double volatility, double sharpe, double tolerance)
    {
        Assert.Equal(1.0, portfolio.Weights.Sum(), 1e-9);
        Assert.True(Math.Abs(portfolio.ExpectedReturn - expectedReturn) <= tolerance * Math.Max(1, Math.Abs(expectedReturn)), $"return {portfolio.ExpectedReturn:R} vs {expectedReturn:R}");
        Assert.True(Math.Abs(portfolio.Volatility - volatility) <= tolerance * Math.Max(1, volatility), $"volatility {portfolio.Volatility:R} vs {volatility:R}");
        Assert.True(Math.Abs(portfolio.SharpeRatio - sharpe) <= tolerance * Math.Max(1, Math.Abs(sharpe)), $"sharpe {portfolio.SharpeRatio:R} vs {sharpe:R}");
    }

    [Fact]
    public void MeanHistorical_SampleData_MatchesPyPortfolioOpt()
    {
        double[] expected = [0.247967, 0.294304, 0.284037, 0.1923164, 0.371327, 0.1360093, 0.0328503, 0.1200115, 0.105540, 0.0423457,
            0.1002559, 0.1442237, -0.0792602, 0.1430506, 0.0736356, 0.238835, 0.388665, 0.226717, 0.1561701, 0.2318153];
        var mean = ExpectedReturns.MeanHistorical(SampleData.Stocks);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - mean[i]) < NumpySixDecimals, $"{i}: {mean[i]:R} vs {expected[i]:R}");
        }
    }

    [Fact]
    public void MinVolatility_SampleData_MatchesPyPortfolioOpt()
    {
        var portfolio = LongOnly().MinVolatility().Value;
        Assert.All(portfolio.Weights, w => Assert.True(w >= 0));
        AssertPerformance(portfolio, 0.15056821399482578, 0.15915084514118694, 0.8204054077060996, 1e-7);
    }

    [Fact]
    public void MaxSharpe_SampleData_MatchesPyPortfolioOpt()
    {
        var portfolio = LongOnly().MaxSharpe().Value;
        Assert.All(portfolio.Weights, w => Assert.True(w >= 0));
        AssertPerformance(portfolio, 0.3047768672819914, 0.22165566922402932, 1.2847714127003216, 1e-6);
    }

    [Fact]
    public void EfficientRisk_SampleData_MatchesPyPortfolioOpt()
    {
        var portfolio = LongOnly().EfficientRisk(0.19).Value;
        AssertPerformance(portfolio, 0.2552422849133517, 0.1900000002876062, 1.2381172871434818, 1e-6);
    }

    [Fact]
    public void EfficientReturn_SampleData_MatchesPyPortfolioOpt()
    {
        var portfolio = LongOnly().EfficientReturn(0.25).Value;
        AssertPerformance(portfolio, 0.25, 0.18723269942026335, 1.2284179030274036, 1e-6);
    }

    [Fact]
    public void MinVolatility_Shorting_MatchesPyPortfolioOpt()
    {
        var stocks = SampleData.Stocks;
        var frontier = new EfficientFrontier(stocks.Tickers, ExpectedReturns.MeanHistorical(stocks), RiskModels.SampleCovariance(stocks).Matrix,
            PortfolioConstraints.Uniform(stocks.Tickers.Count, double.NegativeInfinity, double.PositiveInfinity));
        AssertPerformance(frontier.MinVolatility().Value, 0.1516319319875544, 0.1555915367269669, 0.8460095886741129, 1e-7);
    }

    [Fact]
    public void MaxSharpe_Shorting_MatchesPyPortfolioOpt()
    {
        var stocks = SampleData.Stocks;
        var frontier = new EfficientFrontier(stocks.Tickers, ExpectedReturns.MeanHistorical(stocks), RiskModels.SampleCovariance(stocks).Matrix,
            PortfolioConstraints.Uniform(stocks.Tickers.Count, double.NegativeInfinity, double.PositiveInfinity));
        AssertPerformance(frontier.MaxSharpe().Value, 0.4937195216716211, 0.29516576454651955, 1.6049270564945908, 1e-6);
    }

    [Fact]
    public void HierarchicalRiskParity_SampleData_MatchesPyPortfolioOpt()
    {
        var stocks = SampleData.Stocks;
        var returns = ReturnSeries.FromPrices(stocks);
        var result = HierarchicalRiskParity.Optimize(returns);
        Assert.Equal([12, 6, 15, 14, 2], result.Order.Take(5));
        Assert.Equal(1.0, result.Weights.Sum(), 1e-12);
        var expected = new Dictionary<string, double>
        {
            ["AAPL"] = 0.022258941278778387,
            ["AMD"] = 0.022294021796692116,
            ["AMZN"] = 0.016086842079874982,
            ["BABA"] = 0.07963382071794088,
            ["BAC"] = 0.014409222455552267,
            ["BBY"] = 0.03406419438245041,
            ["FB"] = 0.06272994714663536,
            ["GE"] = 0.05519063444162851,
            ["GM"] = 0.055576660241857236,
            ["GOOG"] = 0.04956008428992926,
            ["JPM"] = 0.017675709092515715,
            ["MA"] = 0.038127373497320226,
            ["PFE"] = 0.07786528342813452,
            ["RRC"] = 0.03161528695094598,
            ["SBUX"] = 0.039844436656239136,
            ["SHLD"] = 0.027113184241298872,
            ["T"] = 0.11138956508836473,
            ["UAA"] = 0.027115909570750083,
            ["WMT"] = 0.10569551148587902,
            ["XOM"] = 0.11175337115721229,
        };
        for (var i = 0; i < stocks.Tickers.Count; i++)
        {
            Assert.Equal(expected[stocks.Tickers[i]], result.Weights[i], 3);
        }

        // portfolio_performance of HRPOpt: arithmetic mean return × 252 and sample covariance, r_f = 0.02.
        var frontier = new EfficientFrontier(stocks.Tickers, ExpectedReturns.MeanHistorical(returns, compounding: false), RiskModels.SampleCovariance(returns).Matrix);
        AssertPerformance(frontier.Evaluate(result.Weights), 0.21353402380950973, 0.17844159743748936, 1.084579081272277, 1e-7);
    }

    [Fact]
    public void HierarchicalRiskParity_LedoitWolfCovariance_MatchesPyPortfolioOptVolatility()
    {
        var stocks = SampleData.Stocks;
        var shrunk = RiskModels.LedoitWolf(stocks).Matrix;
        var result = HierarchicalRiskParity.Optimize(shrunk);
        var frontier = new EfficientFrontier(stocks.Tickers, null, shrunk);
        Assert.Equal(0.10002783894982334, frontier.Evaluate(result.Weights).Volatility, 7);
    }
}
