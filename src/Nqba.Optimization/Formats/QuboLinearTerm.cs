namespace Nqba.Optimization.Formats;

/// <summary>A linear QUBO term <c>Weight · x_I</c>.</summary>
/// <param name="I">The 0-based variable index.</param>
/// <param name="Weight">The coefficient.</param>
public sealed record QuboLinearTerm(int I, double Weight);
