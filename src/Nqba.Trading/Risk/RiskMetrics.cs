using MathNet.Numerics.Distributions;
using Nqba.Trading.Estimation;

namespace Nqba.Trading.Risk;

/// <summary>
/// Risk and performance measures of daily simple returns. Annual return is geometric
/// (<c>(Π(1 + r))^(252/n) − 1</c>); volatility is the sample standard deviation × √252; Sharpe is
/// (annual return − r_f) / volatility; Sortino uses the downside deviation √(mean(min(r − r_f/252, 0)²)) × √252;
/// maximum drawdown is the largest fall from a running peak of the compounded curve (a positive fraction); beta is
/// cov(r, b) / var(b). VaR and CVaR are one-day losses (positive fractions) at 95 % and 99 %.
/// </summary>
public static class RiskMetrics
{
    /// <summary>The confidence levels reported by <see cref="Compute"/>.</summary>
    public static IReadOnlyList<double> ConfidenceLevels { get; } = [0.95, 0.99];

    /// <summary>All measures at once; <paramref name="benchmark"/> (same length and dates) gives beta.</summary>
    public static PerformanceMetrics Compute(IReadOnlyList<double> returns, IReadOnlyList<double>? benchmark = null, double riskFreeRate = 0.02, int frequency = ExpectedReturns.TradingDaysPerYear)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var annual = AnnualReturn(returns, frequency);
        var volatility = Volatility(returns, frequency);
        return new PerformanceMetrics(
            annual,
            volatility,
            (annual - riskFreeRate) / volatility,
            (annual - riskFreeRate) / DownsideDeviation(returns, riskFreeRate, frequency),
            MaxDrawdown(returns),
            benchmark is null ? null : Beta(returns, benchmark),
            [.. ConfidenceLevels.Select(c => new ValueAtRisk(c, HistoricalVaR(returns, c), HistoricalCVaR(returns, c), ParametricVaR(returns, c), ParametricCVaR(returns, c)))]);
    }

    /// <summary>Compound annual growth: <c>(Π(1 + r))^(frequency/n) − 1</c>.</summary>
    public static double AnnualReturn(IReadOnlyList<double> returns, int frequency = ExpectedReturns.TradingDaysPerYear)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var growth = returns.Aggregate(1.0, (g, r) => g * (1 + r));
        return Math.Pow(growth, (double)frequency / returns.Count) - 1;
    }

    /// <summary>Sample standard deviation (divisor n − 1) × √frequency.</summary>
    public static double Volatility(IReadOnlyList<double> returns, int frequency = ExpectedReturns.TradingDaysPerYear) =>
        StandardDeviation(returns) * Math.Sqrt(frequency);

    /// <summary>√(mean(min(r − r_f/frequency, 0)²)) × √frequency, over all days.</summary>
    public static double DownsideDeviation(IReadOnlyList<double> returns, double riskFreeRate, int frequency = ExpectedReturns.TradingDaysPerYear)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var daily = riskFreeRate / frequency;
        var sum = returns.Sum(r => Math.Pow(Math.Min(r - daily, 0), 2));
        return Math.Sqrt(sum / returns.Count) * Math.Sqrt(frequency);
    }

    /// <summary>The largest fall from a running peak of the compounded value (starting at 1), as a positive fraction.</summary>
    public static double MaxDrawdown(IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var value = 1.0;
        var peak = 1.0;
        var worst = 0.0;
        foreach (var r in returns)
        {
            value *= 1 + r;
            peak = Math.Max(peak, value);
            worst = Math.Max(worst, 1 - (value / peak));
        }

        return worst;
    }

    /// <summary>cov(r, b) / var(b), sample estimates.</summary>
    public static double Beta(IReadOnlyList<double> returns, IReadOnlyList<double> benchmark)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(benchmark);
        if (returns.Count != benchmark.Count)
        {
            throw new ArgumentException("The benchmark needs one return per day.", nameof(benchmark));
        }

        var a = returns.ToArray();
        var b = benchmark.ToArray();
        return RiskModels.PairwiseCovariance(a, b) / RiskModels.PairwiseCovariance(b, b);
    }

    /// <summary>−(1 − c) quantile of the returns, numpy's linear interpolation.</summary>
    public static double HistoricalVaR(IReadOnlyList<double> returns, double confidence) => -Quantile(returns, 1 - confidence);

    /// <summary>−mean of the returns at or below the (1 − c) quantile.</summary>
    public static double HistoricalCVaR(IReadOnlyList<double> returns, double confidence)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var cut = Quantile(returns, 1 - confidence);
        return -returns.Where(r => r <= cut).Average();
    }

    /// <summary>Gaussian VaR: −(μ + σ Φ⁻¹(1 − c)), with the sample mean and standard deviation.</summary>
    public static double ParametricVaR(IReadOnlyList<double> returns, double confidence) =>
        -(returns.Average() + (StandardDeviation(returns) * Normal.InvCDF(0, 1, 1 - confidence)));

    /// <summary>Gaussian CVaR: −(μ − σ φ(Φ⁻¹(1 − c)) / (1 − c)).</summary>
    public static double ParametricCVaR(IReadOnlyList<double> returns, double confidence)
    {
        var z = Normal.InvCDF(0, 1, 1 - confidence);
        return -(returns.Average() - (StandardDeviation(returns) * Normal.PDF(0, 1, z) / (1 - confidence)));
    }

    private static double StandardDeviation(IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var mean = returns.Average();
        return Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1));
    }

    private static double Quantile(IReadOnlyList<double> returns, double q)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var sorted = returns.Order().ToArray();
        var position = (sorted.Length - 1) * q;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
