namespace Nqba.Trading.Optimization;

/// <summary>Hierarchical-risk-parity weights (summing to 1) and the quasi-diagonal order of the assets.</summary>
public sealed record HrpResult(IReadOnlyList<double> Weights, IReadOnlyList<int> Order);
