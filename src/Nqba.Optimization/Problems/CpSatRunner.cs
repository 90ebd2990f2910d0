using Google.OrTools.Sat;

namespace Nqba.Optimization.Problems;

/// <summary>Runs OR-Tools CP-SAT with a time limit, a worker count and cancellation.</summary>
internal static class CpSatRunner
{
    public static (CpSolverStatus Status, CpSolver Solver) Solve(CpModel model, TimeSpan timeLimit, int workers, int seed, CancellationToken cancellationToken)
    {
        var solver = new CpSolver
        {
            StringParameters = FormattableString.Invariant(
                $"max_time_in_seconds:{Math.Max(0.001, timeLimit.TotalSeconds)} num_workers:{Math.Max(1, workers)} random_seed:{seed}"),
        };
        using var registration = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model);
        return (status, solver);
    }

    public static bool HasSolution(CpSolverStatus status) => status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
}
