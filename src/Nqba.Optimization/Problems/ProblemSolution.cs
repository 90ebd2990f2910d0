namespace Nqba.Optimization.Problems;

/// <summary>A solution of a business problem.</summary>
/// <param name="Choice">
/// One entry per item (assignment: the agent index, −1 for unassigned), per meeting (placement: the slot index,
/// −1 for unplaced) or per asset (portfolio: 1 when selected, else 0).
/// </param>
/// <param name="Objective">The problem's objective (total fit, total preference, return − λ·variance); larger is better.</param>
/// <param name="Feasible">True when every constraint of the problem holds.</param>
/// <param name="ProvenOptimal">True when an exact method proved the solution optimal.</param>
/// <param name="Method">Which method produced it: <c>min-cost-flow</c>, <c>cp-sat</c> or <c>annealer</c>.</param>
/// <param name="Elapsed">Time spent by that method.</param>
public sealed record ProblemSolution(int[] Choice, double Objective, bool Feasible, bool ProvenOptimal, string Method, TimeSpan Elapsed)
{
    /// <summary>Picks the better of two solutions: feasible first, then larger objective, then proven optimal.</summary>
    public static ProblemSolution Better(ProblemSolution? a, ProblemSolution? b)
    {
        if (a is null)
        {
            return b ?? throw new ArgumentNullException(nameof(b));
        }

        if (b is null || a.Feasible != b.Feasible)
        {
            return b is null || a.Feasible ? a : b;
        }

        const double Tolerance = 1e-9;
        if (Math.Abs(a.Objective - b.Objective) <= Tolerance * Math.Max(1, Math.Abs(a.Objective)))
        {
            return a.ProvenOptimal || !b.ProvenOptimal ? a : b;
        }

        return a.Objective > b.Objective ? a : b;
    }
}
