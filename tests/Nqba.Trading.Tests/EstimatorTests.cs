using Nqba.Trading.Data;
using Nqba.Trading.Estimation;

namespace Nqba.Trading.Tests;

/// <summary>Estimators on PyPortfolioOpt's small hand-made table (tests/test_expected_returns.py, test_risk_models.py) and limits.</summary>
public sealed class EstimatorTests
{
    private static readonly PriceTable Dummy = new(
        [.. Enumerable.Range(0, 5).Select(d => new DateOnly(2020, 1, 1).AddDays(d))],
        ["A", "B", "C", "D"],
        [[4.0, 4.2, 3.9, 4.3, 4.1], [2.0, 2.1, 2.0, 2.1, 2.2], [0.6, 0.59, 0.58, 0.62, 0.63], [-12, -13.2, -11.3, -11.7, -10.1]]);

    [Fact]
    public void MeanHistorical_Dummy_MatchesPyPortfolioOpt()
    {
        double[] compounded = [0.0061922, 0.0241137, 0.0122722, -0.0421775];
        double[] arithmetic = [0.0086560, 0.0250000, 0.0128697, -0.03632333];

        var mean = ExpectedReturns.MeanHistorical(Dummy, frequency: 1);
        var plain = ExpectedReturns.MeanHistorical(Dummy, compounding: false, frequency: 1);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(compounded[i], mean[i], 6);
            Assert.Equal(arithmetic[i], plain[i], 6);
        }
    }

    [Fact]
    public void SampleCovariance_Dummy_MatchesPyPortfolioOpt()
    {
        double[,] expected =
        {
            { 0.006661687937656102, 0.00264970955585574, 0.0020849735375206195 },
            { 0.00264970955585574, 0.0023450491307634215, 0.00096770864287974 },
            { 0.0020849735375206195, 0.00096770864287974, 0.0016396416271856837 },
        };

        var cov = RiskModels.SampleCovariance(Dummy.Select([0, 1, 2])).Matrix;

        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(expected[i, j], cov[i, j] / ExpectedReturns.TradingDaysPerYear, 1e-15);
            }
        }
    }

    [Fact]
    public void ExponentiallyWeighted_HugeSpan_TendsToArithmeticMean()
    {
        var ema = ExpectedReturns.ExponentiallyWeighted(SampleData.Stocks, span: 1e10, compounding: false);
        var mean = ExpectedReturns.MeanHistorical(SampleData.Stocks, compounding: false);

        for (var i = 0; i < mean.Length; i++)
        {
            Assert.Equal(mean[i], ema[i], 1e-6);
        }
    }

    [Fact]
    public void ExponentiallyWeighted_DefaultSpan_DiffersFromMean()
    {
        var ema = ExpectedReturns.ExponentiallyWeighted(SampleData.Stocks);
        var mean = ExpectedReturns.MeanHistorical(SampleData.Stocks);

        Assert.All(ema, r => Assert.True(double.IsFinite(r)));
        Assert.NotEqual(mean, ema);
    }

    [Fact]
    public void LedoitWolf_SampleData_ShrinksBetweenZeroAndOne()
    {
        var estimate = RiskModels.LedoitWolf(SampleData.Stocks);

        Assert.InRange(estimate.Shrinkage!.Value, 0, 1);
        Assert.True(estimate.Shrinkage > 0);
    }

    [Fact]
    public void FixNonPositiveSemidefinite_NegativeEigenvalue_ClipsItToZero()
    {
        // Eigenvalues 3 and −1: the fix keeps the first direction, (1, 1)/√2 with eigenvalue 3.
        double[,] indefinite = { { 1, 2 }, { 2, 1 } };

        var fixedMatrix = RiskModels.FixNonPositiveSemidefinite(indefinite, out var wasFixed);

        Assert.True(wasFixed);
        Assert.Equal(1.5, fixedMatrix[0, 0], 1e-12);
        Assert.Equal(1.5, fixedMatrix[0, 1], 1e-12);
        Assert.Equal(1.5, fixedMatrix[1, 1], 1e-12);
    }

    [Fact]
    public void SampleCovariance_SampleData_IsPositiveSemidefiniteWithoutFix() =>
        Assert.False(RiskModels.SampleCovariance(SampleData.Stocks).WasFixed);
}
