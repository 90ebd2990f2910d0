namespace Nqba.Trading.Risk;

/// <summary>One-day value at risk and conditional value at risk (expected shortfall) as positive loss fractions.</summary>
/// <param name="Confidence">The confidence level, e.g. 0.95.</param>
/// <param name="Historical">−(1 − c) quantile of the returns (linear interpolation, as numpy's default).</param>
/// <param name="HistoricalConditional">−mean of the returns at or below that quantile.</param>
/// <param name="Parametric">Gaussian: −(μ + σ Φ⁻¹(1 − c)).</param>
/// <param name="ParametricConditional">Gaussian: −(μ − σ φ(Φ⁻¹(1 − c)) / (1 − c)).</param>
public sealed record ValueAtRisk(double Confidence, double Historical, double HistoricalConditional, double Parametric, double ParametricConditional);
