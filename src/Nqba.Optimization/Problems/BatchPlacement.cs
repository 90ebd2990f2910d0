namespace Nqba.Optimization.Problems;

/// <summary>Where a meeting request was placed.</summary>
/// <param name="Specialist">Index of the specialist in <see cref="BatchSchedulingProblem.Specialists"/>.</param>
/// <param name="Start">Start minute from the horizon start.</param>
public readonly record struct BatchPlacement(int Specialist, int Start);
