using Nqba.Optimization.Graphs;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Tests.Graphs;

public sealed class MaxCutTests
{
    [Fact]
    public void Solve_FourCycleWithChord_FindsMaximumCut()
    {
        // Square 0-1-2-3-0 (weight 1 each) plus chord 0-2 of weight 3: the chord must be cut, and then two square edges: 5.
        var graph = new WeightedGraph(4, [new(0, 1, 1), new(1, 2, 1), new(2, 3, 1), new(3, 0, 1), new(0, 2, 3)]);

        var result = MaxCut.Solve(graph, SolverFactory.Create("exact"), new SolverOptions { Seed = 1 });

        Assert.Equal(5.0, result.Objective);
        Assert.Equal(5.0, MaxCut.CutWeight(graph, result.Solution));
    }

    [Fact]
    public void Solve_RandomSignedGraph_AnnealerCutEqualsExactCut()
    {
        var random = new Random(5);
        var edges = new List<WeightedEdge>();
        for (var u = 0; u < 18; u++)
        {
            for (var v = u + 1; v < 18; v++)
            {
                if (random.NextDouble() < 0.3)
                {
                    edges.Add(new WeightedEdge(u, v, random.Next(2) == 0 ? -1 : 1));
                }
            }
        }

        var graph = new WeightedGraph(18, edges);
        var options = new SolverOptions { Seed = 3, MaxSweeps = 20_000, TimeLimit = TimeSpan.FromSeconds(30) };

        var exact = MaxCut.Solve(graph, SolverFactory.Create("exact"), options);
        var annealed = MaxCut.Solve(graph, SolverFactory.Create("sa"), options);

        Assert.Equal(exact.Objective, annealed.Objective);
    }

    [Fact]
    public void Solve_TargetCut_StopsWhenReached()
    {
        var graph = new WeightedGraph(4, [new(0, 1, 1), new(1, 2, 1), new(2, 3, 1), new(3, 0, 1)]);

        var result = MaxCut.Solve(graph, SolverFactory.Create("sa"), new SolverOptions { Target = 4, Seed = 2, TimeLimit = TimeSpan.FromMinutes(1) });

        Assert.True(result.ReachedTarget);
        Assert.Equal(4.0, result.Objective);
    }
}
