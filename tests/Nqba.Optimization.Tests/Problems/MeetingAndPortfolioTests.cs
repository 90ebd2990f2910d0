using Nqba.Optimization.Problems;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Tests.Problems;

public sealed class MeetingAndPortfolioTests
{
    [Fact]
    public void MeetingPlacement_AnnealerAndCpSat_AgreeAndRespectConflicts()
    {
        // Four meetings, three slots; meetings 0-1 and 1-2 share people, slot 2 is off-limits for meeting 3.
        var preference = new double[,] { { 3, 1, 0 }, { 3, 2, 1 }, { 1, 3, 0 }, { 2, 2, double.NaN } };
        var problem = new MeetingPlacementProblem(preference, [(0, 1), (1, 2)], roomsPerSlot: [2, 1, 2]);

        var exact = problem.SolveExact(TimeSpan.FromSeconds(10));
        var annealed = problem.SolveWithAnnealer(SolverFactory.Create("sa"), new SolverOptions { Seed = 5, MaxSweeps = 20_000, TimeLimit = TimeSpan.FromSeconds(30) });

        Assert.True(exact.ProvenOptimal);
        Assert.True(annealed.Feasible);
        Assert.NotEqual(annealed.Choice[0], annealed.Choice[1]);
        Assert.NotEqual(annealed.Choice[1], annealed.Choice[2]);
        Assert.Equal(exact.Objective, annealed.Objective, 9);
    }

    [Fact]
    public void PortfolioSelection_AnnealerAndCpSat_AgreeOnBestKOfN()
    {
        var random = new Random(8);
        const int N = 12;
        var mean = Enumerable.Range(0, N).Select(_ => random.NextDouble() * 0.2).ToArray();
        var factors = new double[N];
        for (var i = 0; i < N; i++)
        {
            factors[i] = random.NextDouble();
        }

        var covariance = new double[N, N];
        for (var i = 0; i < N; i++)
        {
            for (var j = 0; j < N; j++)
            {
                covariance[i, j] = (0.05 * factors[i] * factors[j]) + (i == j ? 0.02 : 0);
            }
        }

        var problem = new PortfolioSelectionProblem(mean, covariance, count: 4, riskAversion: 1.5);

        var exact = problem.SolveExact(TimeSpan.FromSeconds(10));
        var annealed = problem.SolveWithAnnealer(SolverFactory.Create("auto"), new SolverOptions { Seed = 5, MaxSweeps = 5_000, TimeLimit = TimeSpan.FromSeconds(30) });
        var combined = problem.Solve(new SolverOptions { Seed = 5, TimeLimit = TimeSpan.FromSeconds(30) });

        Assert.True(exact.Feasible);
        Assert.True(annealed.Feasible);
        Assert.Equal(4, annealed.Choice.Sum());
        Assert.Equal(exact.Objective, annealed.Objective, 6);
        Assert.Equal(exact.Objective, combined.Objective, 6);
    }
}
