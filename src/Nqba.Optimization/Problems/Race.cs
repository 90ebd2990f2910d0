using System.Runtime.ExceptionServices;

namespace Nqba.Optimization.Problems;

/// <summary>Runs an exact method and a heuristic side by side; a proven optimum from either stops the other.</summary>
internal static class Race
{
    public static ProblemSolution BestOf(
        Func<CancellationToken, ProblemSolution> exact,
        Func<CancellationToken, ProblemSolution> heuristic,
        CancellationToken cancellationToken) =>
        BestOf(exact, heuristic, s => s.ProvenOptimal && s.Feasible, (a, b) => ProblemSolution.Better(a, b), cancellationToken);

    public static T BestOf<T>(
        Func<CancellationToken, T> exact,
        Func<CancellationToken, T> heuristic,
        Func<T, bool> provenOptimal,
        Func<T, T?, T> better,
        CancellationToken cancellationToken)
        where T : class
    {
        using var stopHeuristic = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopExact = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        T? heuristicResult = null;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                heuristicResult = heuristic(stopHeuristic.Token);
                if (provenOptimal(heuristicResult))
                {
                    stopExact.Cancel();
                }
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
        var exactResult = exact(stopExact.Token);
        if (provenOptimal(exactResult))
        {
            stopHeuristic.Cancel();
        }

        thread.Join();
        failure?.Throw();
        return better(exactResult, heuristicResult);
    }
}
