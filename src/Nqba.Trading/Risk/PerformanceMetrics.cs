namespace Nqba.Trading.Risk;

/// <summary>Risk and performance of a daily return series (see <see cref="RiskMetrics"/> for the definitions).</summary>
public sealed record PerformanceMetrics(
    double AnnualReturn,
    double Volatility,
    double SharpeRatio,
    double SortinoRatio,
    double MaxDrawdown,
    double? Beta,
    IReadOnlyList<ValueAtRisk> ValueAtRisk);
