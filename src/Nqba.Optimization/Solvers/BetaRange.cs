namespace Nqba.Optimization.Solvers;

/// <summary>An inverse-temperature range for annealing: from <paramref name="Hot"/> (small β) to <paramref name="Cold"/> (large β).</summary>
/// <param name="Hot">The starting inverse temperature, positive.</param>
/// <param name="Cold">The final inverse temperature, at least <paramref name="Hot"/>.</param>
public sealed record BetaRange(double Hot, double Cold);
