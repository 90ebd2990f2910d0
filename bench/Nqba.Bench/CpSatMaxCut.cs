using Google.OrTools.Sat;
using Nqba.Optimization.Graphs;

namespace Nqba.Bench;

/// <summary>Max-Cut with OR-Tools CP-SAT: a side per node, a cut literal per edge, maximize the cut weight.</summary>
internal static class CpSatMaxCut
{
    public static double Solve(WeightedGraph graph, TimeSpan timeLimit, int workers)
    {
        var model = new CpModel();
        var side = Enumerable.Range(0, graph.NodeCount).Select(i => model.NewBoolVar($"x{i}")).ToArray();
        var cut = new List<ILiteral>();
        var weights = new List<long>();
        foreach (var edge in graph.Edges)
        {
            var e = model.NewBoolVar("e");
            BoolVar u = side[edge.U], v = side[edge.V];
            if (edge.Weight > 0)
            {
                // e can only be true when the ends differ.
                model.AddBoolOr([u, v, e.Not()]);
                model.AddBoolOr([u.Not(), v.Not(), e.Not()]);
            }
            else
            {
                // e must be true when the ends differ.
                model.AddBoolOr([u.Not(), v, e]);
                model.AddBoolOr([u, v.Not(), e]);
            }

            cut.Add(e);
            weights.Add((long)edge.Weight);
        }

        model.Maximize(LinearExpr.WeightedSum(cut, weights));
        var solver = new CpSolver
        {
            StringParameters = FormattableString.Invariant($"max_time_in_seconds:{timeLimit.TotalSeconds} num_workers:{workers}"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return double.NaN;
        }

        var sides = side.Select(s => solver.BooleanValue(s) ? (byte)1 : (byte)0).ToArray();
        return MaxCut.CutWeight(graph, sides);
    }
}
