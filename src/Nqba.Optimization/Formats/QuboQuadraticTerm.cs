namespace Nqba.Optimization.Formats;

/// <summary>A quadratic QUBO term <c>Weight · x_I · x_J</c>; <c>I == J</c> is a linear term since x² = x.</summary>
/// <param name="I">The first 0-based variable index.</param>
/// <param name="J">The second 0-based variable index.</param>
/// <param name="Weight">The coefficient.</param>
public sealed record QuboQuadraticTerm(int I, int J, double Weight);
