using Nqba.Optimization.Model;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Graphs;

/// <summary>
/// Max-Cut as an Ising model: minimize <c>E(s) = Σ_edges w_uv s_u s_v</c>; the cut weight is <c>(W − E) / 2</c>
/// with <c>W</c> the total edge weight. Solution byte 1 puts a node on one side, 0 on the other.
/// </summary>
public static class MaxCut
{
    /// <summary>The Ising model whose minimum is the maximum cut.</summary>
    public static BinaryQuadraticModel ToModel(WeightedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var builder = new BinaryQuadraticModelBuilder(graph.NodeCount, Vartype.Spin);
        foreach (var edge in graph.Edges)
        {
            builder.AddQuadratic(edge.U, edge.V, edge.Weight);
        }

        return builder.Build();
    }

    /// <summary>The total weight of edges whose ends are on different sides.</summary>
    public static double CutWeight(WeightedGraph graph, ReadOnlySpan<byte> sides)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (sides.Length != graph.NodeCount)
        {
            throw new ArgumentException($"Expected {graph.NodeCount} values, got {sides.Length}.", nameof(sides));
        }

        var cut = 0.0;
        foreach (var edge in graph.Edges)
        {
            if (sides[edge.U] != sides[edge.V])
            {
                cut += edge.Weight;
            }
        }

        return cut;
    }

    /// <summary>The model objective (energy) that corresponds to a cut weight.</summary>
    public static double EnergyOfCut(WeightedGraph graph, double cut)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.TotalWeight - 2 * cut;
    }

    /// <summary>Solves Max-Cut. <see cref="SolverOptions.Target"/> is read as a cut weight to reach, and the result's
    /// <see cref="SolveResult.Objective"/> (and progress objectives) are cut weights.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="solver">The solver to use (see <see cref="SolverFactory"/>).</param>
    /// <param name="options">Options; <c>Target</c> is a cut weight.</param>
    /// <param name="cancellationToken">Stops early with the best cut so far.</param>
    public static SolveResult Solve(WeightedGraph graph, ISolver solver, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(options);
        var model = ToModel(graph);
        var total = graph.TotalWeight;
        var adapted = options with
        {
            Target = options.Target is { } cut ? total - 2 * cut : null,
            Progress = options.Progress is null ? null : new MappedProgress(options.Progress, e => (total - e) / 2),
        };
        var result = solver.Solve(model, adapted, cancellationToken);
        return result with { Objective = CutWeight(graph, result.Solution) };
    }
}
