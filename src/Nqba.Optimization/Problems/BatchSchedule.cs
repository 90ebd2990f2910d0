namespace Nqba.Optimization.Problems;

/// <summary>A solution of a <see cref="BatchSchedulingProblem"/>.</summary>
/// <param name="Placements">One entry per request, in request order: where it goes, or null when it stays unplaced.</param>
/// <param name="Objective">The total weight of placed requests (the quantity maximized).</param>
/// <param name="PreferredMatches">How many placed requests got their preferred specialist (the tie-breaker).</param>
/// <param name="Feasible">True when <see cref="BatchSchedulingProblem.Validate"/> finds no violation.</param>
/// <param name="ProvenOptimal">True when no schedule places more weight (and, at equal weight, more preferred matches).</param>
/// <param name="UpperBound">
/// A proven upper bound on the objective: CP-SAT's best bound, or the total weight of requests that have at least one
/// possible placement. <c>UpperBound − Objective</c> bounds how much better any schedule can be.
/// </param>
/// <param name="Method">Which method produced it: <c>cp-sat</c> or <c>local-search</c>.</param>
/// <param name="Elapsed">Time spent by that method.</param>
public sealed record BatchSchedule(
    IReadOnlyList<BatchPlacement?> Placements,
    double Objective,
    int PreferredMatches,
    bool Feasible,
    bool ProvenOptimal,
    double UpperBound,
    string Method,
    TimeSpan Elapsed)
{
    /// <summary>How many requests were placed.</summary>
    public int Placed => Placements.Count(p => p is not null);

    /// <summary>The relative gap to the upper bound, <c>(UpperBound − Objective) / UpperBound</c> (0 when the bound is 0).</summary>
    public double Gap => UpperBound <= 0 ? 0 : Math.Max(0, (UpperBound - Objective) / UpperBound);

    internal static BatchSchedule Better(BatchSchedule a, BatchSchedule? b)
    {
        if (b is null || a.Feasible != b.Feasible)
        {
            return b is null || a.Feasible ? a : b;
        }

        const double Tolerance = 1e-9;
        var bound = Math.Min(a.UpperBound, b.UpperBound);
        BatchSchedule winner;
        if (Math.Abs(a.Objective - b.Objective) <= Tolerance * Math.Max(1, Math.Abs(a.Objective)))
        {
            winner = a.PreferredMatches != b.PreferredMatches
                ? (a.PreferredMatches > b.PreferredMatches ? a : b)
                : (a.ProvenOptimal || !b.ProvenOptimal ? a : b);
        }
        else
        {
            winner = a.Objective > b.Objective ? a : b;
        }

        return winner with { UpperBound = bound, ProvenOptimal = a.ProvenOptimal || b.ProvenOptimal };
    }
}
