namespace Nqba.Server.Modules.Optimization.Solving;

/// <summary>The best solution found, in the request's own sense (a maximize request reports the maximum).</summary>
public sealed record OptimizeResult(
    double Objective,
    IReadOnlyList<byte> Solution,
    string Solver,
    int Seed,
    int Threads,
    double TimeToBestMs,
    double ElapsedMs,
    long Flips,
    long Sweeps,
    bool ReachedTarget,
    bool ProvenOptimal);
