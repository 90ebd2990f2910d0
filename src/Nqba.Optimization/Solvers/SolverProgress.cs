namespace Nqba.Optimization.Solvers;

/// <summary>A progress report of a running solver.</summary>
/// <param name="Elapsed">Time since the solver started.</param>
/// <param name="TimeLimit">The solver's time budget.</param>
/// <param name="BestObjective">The best objective found so far, or null before the first solution.</param>
/// <param name="Sweeps">Sweeps done so far.</param>
/// <param name="Flips">Attempted flips so far.</param>
public sealed record SolverProgress(TimeSpan Elapsed, TimeSpan TimeLimit, double? BestObjective, long Sweeps, long Flips)
{
    /// <summary>Elapsed time as a fraction of the time limit, in [0, 1].</summary>
    public double Fraction => TimeLimit <= TimeSpan.Zero ? 1.0 : Math.Clamp(Elapsed / TimeLimit, 0.0, 1.0);
}
