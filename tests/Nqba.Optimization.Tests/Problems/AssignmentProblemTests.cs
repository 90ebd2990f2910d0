using Nqba.Optimization.Problems;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Tests.Problems;

public sealed class AssignmentProblemTests
{
    [Fact]
    public void SolveExact_SmallProblem_MatchesBruteForce()
    {
        var problem = RandomProblem(items: 6, agents: 3, capacity: 2, seed: 1);

        var exact = problem.SolveExact();

        Assert.True(exact.ProvenOptimal);
        Assert.True(exact.Feasible);
        Assert.Equal(BruteForce(problem), exact.Objective, 9);
    }

    [Fact]
    public void SolveWithAnnealer_MediumProblem_FeasibleAndCloseToExact()
    {
        var problem = RandomProblem(items: 60, agents: 6, capacity: 12, seed: 2);
        var exact = problem.SolveExact();

        var annealed = problem.SolveWithAnnealer(SolverFactory.Create("auto"), new SolverOptions { Seed = 3, MaxSweeps = 2_000, TimeLimit = TimeSpan.FromSeconds(30) });

        Assert.True(annealed.Feasible);
        Assert.True(problem.IsFeasible(annealed.Choice));
        Assert.InRange(annealed.Objective, exact.Objective * 0.99, exact.Objective + 1e-9);
    }

    [Fact]
    public void Solve_OptionalAssignment_SkipsNegativeFits()
    {
        var problem = new AssignmentProblem(new double[,] { { 5, -1 }, { -2, -3 } }, [1, 1], assignEveryItem: false);

        var solution = problem.Solve(new SolverOptions { Seed = 1 });

        Assert.Equal([0, -1], solution.Choice);
        Assert.Equal(5.0, solution.Objective);
    }

    [Fact]
    public void SolveExact_NotEnoughCapacity_ReportsInfeasible()
    {
        var problem = new AssignmentProblem(new double[,] { { 1 }, { 2 } }, [1]);

        var solution = problem.SolveExact();

        Assert.False(solution.Feasible);
    }

    private static AssignmentProblem RandomProblem(int items, int agents, int capacity, int seed)
    {
        var random = new Random(seed);
        var fit = new double[items, agents];
        for (var i = 0; i < items; i++)
        {
            for (var a = 0; a < agents; a++)
            {
                fit[i, a] = Math.Round(random.NextDouble() * 100, 2);
            }
        }

        return new AssignmentProblem(fit, Enumerable.Repeat(capacity, agents).ToArray());
    }

    private static double BruteForce(AssignmentProblem problem)
    {
        var best = double.NegativeInfinity;
        var choice = new int[problem.Items];
        var total = (int)Math.Pow(problem.Agents, problem.Items);
        for (var code = 0; code < total; code++)
        {
            var c = code;
            for (var i = 0; i < problem.Items; i++)
            {
                choice[i] = c % problem.Agents;
                c /= problem.Agents;
            }

            if (problem.IsFeasible(choice))
            {
                best = Math.Max(best, problem.TotalFit(choice));
            }
        }

        return best;
    }
}
