namespace Nqba.Optimization.Solvers;

/// <summary>The outcome of a solver run.</summary>
public sealed record SolveResult
{
    /// <summary>The best solution, one byte per variable: 0/1 for binary models; for spin models 1 is +1 and 0 is −1.</summary>
    public required byte[] Solution { get; init; }

    /// <summary>The objective of <see cref="Solution"/>, recomputed from the model (for Max-Cut helpers: the cut weight).</summary>
    public required double Objective { get; init; }

    /// <summary>Time from the start until <see cref="Solution"/> was found.</summary>
    public TimeSpan TimeToBest { get; init; }

    /// <summary>Total run time.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Sweeps done (one attempted flip per variable each; tabu: one move per variable).</summary>
    public long Sweeps { get; init; }

    /// <summary>Attempted single-variable flips (tabu search: moves made).</summary>
    public long Flips { get; init; }

    /// <summary>Restarts (annealing reads, tabu rounds) performed.</summary>
    public long Restarts { get; init; }

    /// <summary>The solver that produced the result, e.g. <c>sa</c> or <c>auto(sa+tabu)</c>.</summary>
    public required string SolverName { get; init; }

    /// <summary>The seed used (the one given, or the one drawn when none was).</summary>
    public int Seed { get; init; }

    /// <summary>The number of worker threads used.</summary>
    public int Threads { get; init; }

    /// <summary>True when <see cref="SolverOptions.Target"/> was given and reached.</summary>
    public bool ReachedTarget { get; init; }

    /// <summary>True when the solution is proven optimal (exact solver, or an exact method in a problem builder).</summary>
    public bool ProvenOptimal { get; init; }

    /// <summary>True when the run was stopped by the cancellation token; the result is the best found until then.</summary>
    public bool Cancelled { get; init; }
}
