using Nqba.Optimization.Model;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Tests.Model;

public sealed class ConstrainedModelTests
{
    private static readonly SolverOptions Exact = new() { Seed = 1, TimeLimit = TimeSpan.FromMinutes(1) };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Build_OneHotGroupsWithAttractiveObjective_PenalizedOptimumIsFeasible(int seed)
    {
        // The objective rewards switching everything on; only the penalties keep one per group.
        var random = new Random(seed);
        var builder = new ConstrainedModelBuilder(12);
        for (var i = 0; i < 12; i++)
        {
            builder.AddLinear(i, -random.Next(1, 10));
            for (var j = i + 1; j < 12; j++)
            {
                builder.AddQuadratic(i, j, -random.Next(0, 3));
            }
        }

        builder.AddOneHot([0, 1, 2, 3]).AddOneHot([4, 5, 6, 7]).AddOneHot([8, 9, 10, 11]);
        var model = builder.Build();

        var result = model.Solve(SolverFactory.Create("exact"), Exact);

        Assert.True(model.IsFeasible(result.Raw.Solution));
        Assert.Equal(BruteForceFeasibleOptimum(model), result.Objective, 9);
    }

    [Fact]
    public void Build_AtMostKAndCapacity_PenalizedOptimumIsFeasibleAndOptimal()
    {
        var random = new Random(4);
        var builder = new ConstrainedModelBuilder(10);
        for (var i = 0; i < 10; i++)
        {
            builder.AddLinear(i, -random.Next(1, 20));
        }

        builder.AddAtMostK([0, 1, 2, 3, 4, 5], 2);
        builder.AddCapacity([4, 5, 6, 7, 8, 9], [3, 2, 4, 1, 5, 2], 7);
        var model = builder.Build();

        var result = model.Solve(SolverFactory.Create("exact"), Exact);

        Assert.True(model.IsFeasible(result.Raw.Solution));
        Assert.Equal(BruteForceFeasibleOptimum(model), result.Objective, 9);
    }

    [Fact]
    public void Repair_InfeasibleSolution_BecomesFeasible()
    {
        var model = new ConstrainedModelBuilder(6)
            .AddLinear(0, -1).AddLinear(1, -2).AddLinear(2, -3)
            .AddOneHot([0, 1, 2]).AddAtMostK([3, 4, 5], 1)
            .Build();

        var repaired = model.Repair([1, 1, 1, 1, 1, 1]);

        Assert.True(model.IsFeasible(repaired));
        Assert.Equal(1, repaired[2]);
        Assert.Empty(model.Violations(repaired));
    }

    [Fact]
    public void Violations_BrokenOneHot_NamesConstraint()
    {
        var model = new ConstrainedModelBuilder(3).AddOneHot([0, 1, 2], "item 7 assigned once").Build();

        var violations = model.Violations([0, 0, 0]);

        Assert.Equal(["item 7 assigned once: 0 is outside [1, 1]"], violations);
    }

    private static double BruteForceFeasibleOptimum(ConstrainedModel model)
    {
        var n = model.DecisionVariables;
        var best = double.PositiveInfinity;
        var bits = new byte[n];
        for (var state = 0; state < 1 << n; state++)
        {
            for (var i = 0; i < n; i++)
            {
                bits[i] = (byte)((state >> i) & 1);
            }

            if (model.IsFeasible(bits))
            {
                best = Math.Min(best, model.EvaluateObjective(bits));
            }
        }

        return best;
    }
}
