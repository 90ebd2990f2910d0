using MathNet.Numerics.LinearAlgebra;
using Nqba.Trading.Optimization;

namespace Nqba.Trading.Tests;

public sealed class ClosedFormTests
{
    private const double Tolerance = 1e-8;

    [Fact]
    public void MinVolatility_TwoAssets_MatchesClosedForm()
    {
        const double s1 = 0.2, s2 = 0.3, rho = 0.3;
        var s12 = rho * s1 * s2;
        double[,] cov = { { s1 * s1, s12 }, { s12, s2 * s2 } };
        var expected = ((s2 * s2) - s12) / ((s1 * s1) + (s2 * s2) - (2 * s12));

        var portfolio = new EfficientFrontier(["A", "B"], [0.1, 0.12], cov).MinVolatility().Value;

        Assert.Equal(expected, portfolio.Weights[0], Tolerance);
        Assert.Equal(1 - expected, portfolio.Weights[1], Tolerance);
        Assert.True(portfolio.Solve!.Refined);
    }

    [Fact]
    public void MinVolatility_NoBoundBinds_MatchesInverseCovarianceFormula()
    {
        var random = new Random(7);
        const int n = 6;
        var factor = Matrix<double>.Build.Dense(n, n, (_, _) => random.NextDouble() - 0.5);
        var sigma = (factor * factor.Transpose()) + (Matrix<double>.Build.DenseIdentity(n) * 0.05);
        var ones = Vector<double>.Build.Dense(n, 1);
        var inverseOnes = sigma.Solve(ones);
        var expected = inverseOnes / inverseOnes.Sum();
        var tickers = Enumerable.Range(0, n).Select(i => $"A{i}").ToArray();

        var unbounded = PortfolioConstraints.Uniform(n, double.NegativeInfinity, double.PositiveInfinity);
        var portfolio = new EfficientFrontier(tickers, new double[n], sigma.ToArray(), unbounded).MinVolatility().Value;

        for (var i = 0; i < n; i++)
        {
            Assert.Equal(expected[i], portfolio.Weights[i], Tolerance);
        }
    }

    [Fact]
    public void MinVolatility_LongOnlyNoBoundBinds_MatchesInverseCovarianceFormula()
    {
        // A diagonal-dominant matrix whose unconstrained minimum-variance weights are all positive.
        double[,] cov = { { 0.04, 0.006, 0.004 }, { 0.006, 0.09, 0.01 }, { 0.004, 0.01, 0.0625 } };
        var sigma = Matrix<double>.Build.DenseOfArray(cov);
        var inverseOnes = sigma.Solve(Vector<double>.Build.Dense(3, 1));
        var expected = inverseOnes / inverseOnes.Sum();
        Assert.All(expected, w => Assert.True(w > 0));

        var portfolio = new EfficientFrontier(["A", "B", "C"], [0.05, 0.08, 0.07], cov).MinVolatility().Value;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], portfolio.Weights[i], Tolerance);
        }
    }

    [Fact]
    public void MaxSharpe_Unconstrained_MatchesTangencyFormula()
    {
        double[,] cov = { { 0.04, 0.006, 0.004 }, { 0.006, 0.09, 0.01 }, { 0.004, 0.01, 0.0625 } };
        double[] mu = [0.08, 0.12, 0.10];
        const double rf = 0.02;
        var sigma = Matrix<double>.Build.DenseOfArray(cov);
        var direction = sigma.Solve(Vector<double>.Build.DenseOfArray([.. mu.Select(m => m - rf)]));
        var expected = direction / direction.Sum();

        var unbounded = PortfolioConstraints.Uniform(3, double.NegativeInfinity, double.PositiveInfinity);
        var portfolio = new EfficientFrontier(["A", "B", "C"], mu, cov, unbounded).MaxSharpe(rf).Value;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], portfolio.Weights[i], Tolerance);
        }
    }
}
