using System.Runtime.ExceptionServices;

namespace Nqba.Optimization.Problems;

/// <summary>Runs an exact method and a heuristic side by side; a proven optimum stops the heuristic.</summary>
internal static class Race
{
    public static ProblemSolution BestOf(
        Func<CancellationToken, ProblemSolution> exact,
        Func<CancellationToken, ProblemSolution> heuristic,
        CancellationToken cancellationToken)
    {
        using var stopHeuristic = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ProblemSolution? heuristicResult = null;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                heuristicResult = heuristic(stopHeuristic.Token);
            }
#pragma warning disable CA1031 // The heuristic's exception is a bug; it is rethrown on the calling thread below.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        })
        {
            IsBackground = true,
            Name = "nqba-heuristic",
        };
        thread.Start();
        var exactResult = exact(cancellationToken);
        if (exactResult.ProvenOptimal && exactResult.Feasible)
        {
            stopHeuristic.Cancel();
        }

        thread.Join();
        failure?.Throw();
        return ProblemSolution.Better(exactResult, heuristicResult);
    }
}
