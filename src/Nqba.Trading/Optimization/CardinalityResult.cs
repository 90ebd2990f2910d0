namespace Nqba.Trading.Optimization;

/// <summary>A cardinality-constrained portfolio.</summary>
/// <param name="Portfolio">The weights over all assets (zero outside the selection) and their performance.</param>
/// <param name="Selected">The indices of the assets held (the chosen ones with a non-zero weight).</param>
/// <param name="Chosen">The K assets the selector chose.</param>
/// <param name="SelectionScore">The QUBO score of <paramref name="Chosen"/> (equal-weight return minus risk; higher is better), null for the exhaustive search.</param>
/// <param name="Objective">The optimized value: volatility for minimum volatility, −Sharpe for maximum Sharpe (lower is better).</param>
/// <param name="Selector">How the assets were chosen: <c>qsai</c>, <c>cp-sat</c> or <c>exhaustive</c>.</param>
/// <param name="SubsetsSolved">Quadratic programmes solved for the weights.</param>
/// <param name="Elapsed">Total time.</param>
public sealed record CardinalityResult(Portfolio Portfolio, IReadOnlyList<int> Selected, IReadOnlyList<int> Chosen, double? SelectionScore, double Objective, string Selector, int SubsetsSolved, TimeSpan Elapsed);
