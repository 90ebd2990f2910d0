namespace Nqba.Optimization.Solvers;

/// <summary>How long and how a solver runs.</summary>
public sealed record SolverOptions
{
    /// <summary>Wall-clock budget; the search stops when it runs out (default 10 s).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Stop as soon as an objective this good (≤ for minimization) is found.</summary>
    public double? Target { get; init; }

    /// <summary>Random seed; the same seed, thread count and <see cref="MaxSweeps"/> give the same answer. Null picks one at random (reported in the result).</summary>
    public int? Seed { get; init; }

    /// <summary>Worker threads; 0 means one per processor (default 1).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// A deterministic work budget in sweeps (one sweep = one attempted flip per variable; for tabu search, one
    /// move per variable). When set, the result no longer depends on timing, as long as the time limit is not hit.
    /// </summary>
    public long? MaxSweeps { get; init; }

    /// <summary>Annealing sweeps per restart (simulated annealing and the annealing phase of <c>auto</c>); null chooses from the problem size.</summary>
    public int? SweepsPerRestart { get; init; }

    /// <summary>For <c>sa</c>: polish every restart with a short tabu search (10·n one-flip moves).</summary>
    public bool TabuPolish { get; init; }

    /// <summary>Inverse-temperature range for annealing (hot, cold); null derives it from the coefficients.</summary>
    public BetaRange? BetaRange { get; init; }

    /// <summary>Receives progress about five times a second while the solver runs.</summary>
    public IProgress<SolverProgress>? Progress { get; init; }

    internal int EffectiveThreads => Threads <= 0 ? Environment.ProcessorCount : Threads;
}
