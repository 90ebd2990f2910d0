using Nqba.Optimization.Model;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Tests.Solvers;

public sealed class SolverTests
{
    private static readonly SolverOptions Budget = new() { TimeLimit = TimeSpan.FromSeconds(20), MaxSweeps = 20_000, Seed = 7 };

    public static TheoryData<string, int> HeuristicCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var solver in new[] { "sa", "pt", "tabu", "auto" })
        {
            foreach (var seed in new[] { 11, 12, 13 })
            {
                data.Add(solver, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HeuristicCases))]
    public void Solve_RandomSmallProblem_MatchesExactOptimum(string solverName, int seed)
    {
        var model = RandomModels.Create(16, 0.4, seed, seed % 2 == 0 ? Vartype.Binary : Vartype.Spin);
        var exact = SolverFactory.Create("exact").Solve(model, Budget);

        var result = SolverFactory.Create(solverName).Solve(model, Budget);

        Assert.True(exact.ProvenOptimal);
        Assert.Equal(exact.Objective, result.Objective, 9);
    }

    [Theory]
    [InlineData("sa")]
    [InlineData("pt")]
    [InlineData("tabu")]
    [InlineData("auto")]
    [InlineData("exact")]
    public void Solve_AnyModel_ReportsObjectiveOfReturnedSolution(string solverName)
    {
        var model = RandomModels.Create(solverName == "exact" ? 18 : 200, 0.05, 3);

        var result = SolverFactory.Create(solverName).Solve(model, Budget with { MaxSweeps = 2_000 });

        Assert.Equal(model.VariableCount, result.Solution.Length);
        Assert.Equal(model.Evaluate(result.Solution), result.Objective, 9);
        Assert.True(result.Flips > 0);
    }

    [Theory]
    [InlineData("sa", 1)]
    [InlineData("sa", 2)]
    [InlineData("pt", 2)]
    [InlineData("tabu", 2)]
    [InlineData("auto", 2)]
    public void Solve_SameSeedAndThreads_GivesSameSolution(string solverName, int threads)
    {
        var model = RandomModels.Create(300, 0.03, 5, integral: true);
        var options = new SolverOptions { TimeLimit = TimeSpan.FromMinutes(1), MaxSweeps = 3_000, Seed = 42, Threads = threads };
        var solver = SolverFactory.Create(solverName);

        var first = solver.Solve(model, options);
        var second = solver.Solve(model, options);

        Assert.Equal(first.Solution, second.Solution);
        Assert.Equal(first.Objective, second.Objective);
    }

    [Theory]
    [InlineData("sa")]
    [InlineData("pt")]
    [InlineData("tabu")]
    public void Solve_MostlyIsolatedVariables_MatchesExactOptimum(string solverName)
    {
        // Few coefficients among many idle variables: the temperature range must still run from hot to cold.
        var model = new BinaryQuadraticModelBuilder(24, Vartype.Binary)
            .AddLinear(0, -0.5).AddLinear(5, 2).AddQuadratic(0, 5, -3).AddQuadratic(7, 9, 0.25).AddLinear(9, -0.1)
            .Build();
        var exact = SolverFactory.Create("exact").Solve(model, Budget);

        var result = SolverFactory.Create(solverName).Solve(model, Budget with { MaxSweeps = 2_000 });

        Assert.Equal(exact.Objective, result.Objective, 9);
    }

    [Fact]
    public void Solve_SaWithTabuPolish_MatchesExactOptimum()
    {
        var model = RandomModels.Create(18, 0.3, 31);
        var exact = SolverFactory.Create("exact").Solve(model, Budget);

        var result = SolverFactory.Create("sa").Solve(model, Budget with { TabuPolish = true, MaxSweeps = 5_000 });

        Assert.Equal(exact.Objective, result.Objective, 9);
    }

    [Fact]
    public void Solve_HundredThousandVariablesMillionCouplings_ReturnsConsistentObjective()
    {
        const int N = 100_000;
        var random = new Random(1);
        var builder = new BinaryQuadraticModelBuilder(N, Vartype.Spin);
        for (var k = 0; k < 1_000_000; k++)
        {
            builder.AddQuadratic(random.Next(N), random.Next(N), random.Next(2) == 0 ? -1 : 1);
        }

        var model = builder.Build();
        var result = SolverFactory.Create("sa").Solve(model, new SolverOptions { Seed = 1, SweepsPerRestart = 5, MaxSweeps = 5, TimeLimit = TimeSpan.FromMinutes(1) });

        Assert.True(model.InteractionCount > 990_000);
        Assert.Equal(model.Evaluate(result.Solution), result.Objective, 6);
        Assert.True(result.Objective < 0);
    }

    [Fact]
    public void Solve_TargetReached_StopsEarlyAndSaysSo()
    {
        var model = RandomModels.Create(14, 0.5, 21);
        var optimum = SolverFactory.Create("exact").Solve(model, Budget).Objective;

        var result = SolverFactory.Create("sa").Solve(model, new SolverOptions { TimeLimit = TimeSpan.FromMinutes(1), Target = optimum, Seed = 1 });

        Assert.True(result.ReachedTarget);
        Assert.Equal(optimum, result.Objective, 9);
    }

    [Fact]
    public void Solve_CancelledToken_ReturnsBestSoFarMarkedCancelled()
    {
        var model = RandomModels.Create(500, 0.02, 4);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var result = SolverFactory.Create("sa").Solve(model, new SolverOptions { TimeLimit = TimeSpan.FromMinutes(1), Seed = 1 }, cancellation.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(model.Evaluate(result.Solution), result.Objective, 9);
    }

    [Fact]
    public void Solve_ProgressRequested_ReportsProgress_EndingWithTheFinalCount()
    {
        var model = RandomModels.Create(400, 0.02, 4);
        var reports = new List<SolverProgress>();
        var progress = new SynchronousProgress(reports);

        var result = SolverFactory.Create("sa").Solve(model, new SolverOptions { TimeLimit = TimeSpan.FromMilliseconds(700), Seed = 1, Progress = progress });

        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.InRange(r.Fraction, 0.0, 1.0));
        Assert.Equal(result.Sweeps, reports.Max(r => r.Sweeps));
    }

    [Fact]
    public void Create_UnknownName_ThrowsNamingTheChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => SolverFactory.Create("quantum"));

        Assert.Contains("'quantum'", error.Message, StringComparison.Ordinal);
        Assert.Contains("auto, sa, pt, tabu, exact", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_ExactOnLargeModel_ThrowsWithLimit()
    {
        var model = RandomModels.Create(40, 0.1, 1);

        var error = Assert.Throws<ArgumentException>(() => SolverFactory.Create("exact").Solve(model, Budget));

        Assert.Contains("at most 30 variables", error.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(List<SolverProgress> sink) : IProgress<SolverProgress>
    {
        public void Report(SolverProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
