using Nqba.Trading.Risk;

namespace Nqba.Trading.Tests;

public sealed class RiskMetricsTests
{
    // Five daily returns, annualized with a "year" of 5 days so the hand computation stays short.
    private static readonly double[] Returns = [0.1, -0.05, 0.02, -0.1, 0.05];
    private const int Frequency = 5;
    private const double Tolerance = 1e-12;

    // mean 0.004; squared deviations sum to 0.02532, so the sample variance is 0.00633.
    private static readonly double SampleDeviation = Math.Sqrt(0.00633);

    [Fact]
    public void AnnualReturn_FiveDays_IsCompoundGrowth() =>
        Assert.Equal((1.1 * 0.95 * 1.02 * 0.9 * 1.05) - 1, RiskMetrics.AnnualReturn(Returns, Frequency), Tolerance);

    [Fact]
    public void Volatility_FiveDays_IsSampleDeviationTimesRootFrequency() =>
        Assert.Equal(SampleDeviation * Math.Sqrt(Frequency), RiskMetrics.Volatility(Returns, Frequency), Tolerance);

    [Fact]
    public void MaxDrawdown_PeakAfterFirstDay_IsFallToFourthDay() =>
        Assert.Equal(1 - (0.95 * 1.02 * 0.9), RiskMetrics.MaxDrawdown(Returns), Tolerance);

    [Fact]
    public void Sortino_ZeroRiskFree_UsesDownsideDeviation()
    {
        // Downside: (-0.05)² + (-0.1)² = 0.0125 over 5 days → √0.0025 = 0.05 per day.
        var metrics = RiskMetrics.Compute(Returns, null, 0, Frequency);
        Assert.Equal(metrics.AnnualReturn / (0.05 * Math.Sqrt(Frequency)), metrics.SortinoRatio, Tolerance);
        Assert.Equal(metrics.AnnualReturn / metrics.Volatility, metrics.SharpeRatio, Tolerance);
    }

    [Fact]
    public void Beta_TwiceTheBenchmarkPlusConstant_IsTwo()
    {
        double[] benchmark = [0.01, -0.02, 0.005, 0.03, -0.01];
        var returns = benchmark.Select(b => (2 * b) + 0.001).ToArray();
        Assert.Equal(2, RiskMetrics.Beta(returns, benchmark), Tolerance);
    }

    [Fact]
    public void HistoricalVaR_FiveReturns_InterpolatesLinearly()
    {
        // Sorted: −0.1, −0.05, 0.02, 0.05, 0.1. The 5 % quantile sits at position 0.2: −0.1 + 0.2 × 0.05 = −0.09.
        Assert.Equal(0.09, RiskMetrics.HistoricalVaR(Returns, 0.95), Tolerance);
        Assert.Equal(0.098, RiskMetrics.HistoricalVaR(Returns, 0.99), Tolerance);
        Assert.Equal(0.1, RiskMetrics.HistoricalCVaR(Returns, 0.95), Tolerance);
    }

    [Fact]
    public void ParametricVaR_FiveReturns_UsesGaussianQuantiles()
    {
        const double z95 = 1.6448536269514722, density95 = 0.10313564037537129;
        const double z99 = 2.3263478740408408, density99 = 0.026652142203458;
        Assert.Equal((SampleDeviation * z95) - 0.004, RiskMetrics.ParametricVaR(Returns, 0.95), 1e-10);
        Assert.Equal((SampleDeviation * z99) - 0.004, RiskMetrics.ParametricVaR(Returns, 0.99), 1e-10);
        Assert.Equal((SampleDeviation * density95 / 0.05) - 0.004, RiskMetrics.ParametricCVaR(Returns, 0.95), 1e-10);
        Assert.Equal((SampleDeviation * density99 / 0.01) - 0.004, RiskMetrics.ParametricCVaR(Returns, 0.99), 1e-10);
    }

    [Fact]
    public void Greedy_ThreeAssets_BuysFloorsThenTheLargestDeficit()
    {
        // Floors: 50 × 10, 9 × 33, 28 × 7 leave 7; the third asset is furthest below its weight and costs 7.
        var allocation = DiscreteAllocation.Greedy([0.5, 0.3, 0.2], [10, 33, 7], 1000).Value;

        Assert.Equal([50L, 9L, 29L], allocation.Shares);
        Assert.Equal(0, allocation.Leftover, Tolerance);
    }

    [Fact]
    public void Exact_ThreeAssets_IsNoWorseThanGreedy()
    {
        double[] weights = [0.45, 0.35, 0.2];
        double[] prices = [13.7, 41.2, 97.5];
        var greedy = DiscreteAllocation.Greedy(weights, prices, 1000).Value;
        var exact = DiscreteAllocation.Exact(weights, prices, 1000, TimeSpan.FromSeconds(5)).Value;

        Assert.True(exact.Leftover >= 0);
        Assert.True(Score(exact) <= Score(greedy) + 1e-9, $"exact {Score(exact)} vs greedy {Score(greedy)}");

        double Score(Allocation a) => a.Leftover + a.Shares.Select((s, i) => Math.Abs((weights[i] * 1000) - (s * prices[i]))).Sum();
    }

    [Fact]
    public void Greedy_NegativePrice_IsAnError() =>
        Assert.False(DiscreteAllocation.Greedy([1], [-1], 100).IsSuccess);
}
