using Nqba.Optimization.Model;

namespace Nqba.Optimization.Tests.Model;

public sealed class BinaryQuadraticModelTests
{
    [Fact]
    public void Evaluate_HandComputedQubo_ReturnsExpectedObjective()
    {
        // 1 + 2 x0 − 3 x1 + 4 x0 x1 + 5 x1 x2 (the repeated x1 x2 term is summed, the x2 x2 term is linear).
        var model = new BinaryQuadraticModelBuilder(3, Vartype.Binary)
            .AddOffset(1).AddLinear(0, 2).AddLinear(1, -3).AddQuadratic(0, 1, 4)
            .AddQuadratic(1, 2, 2).AddQuadratic(2, 1, 3).AddQuadratic(2, 2, -1)
            .Build();

        Assert.Equal(1.0, model.Evaluate([0, 0, 0]));
        Assert.Equal(1 + 2 - 3 + 4, model.Evaluate([1, 1, 0]));
        Assert.Equal(1 - 3 + 5 - 1, model.Evaluate([0, 1, 1]));
        Assert.Equal(2, model.InteractionCount);
        Assert.Equal(5.0, model.GetQuadratic(2, 1));
    }

    [Fact]
    public void Evaluate_SpinModel_MapsZeroToMinusOne()
    {
        var model = new BinaryQuadraticModelBuilder(2, Vartype.Spin).AddLinear(0, 1).AddQuadratic(0, 1, -2).Build();

        Assert.Equal(-1 - 2, model.Evaluate([0, 0]));
        Assert.Equal(1 + 2, model.Evaluate([1, 0]));
    }

    [Theory]
    [InlineData(Vartype.Binary, 1)]
    [InlineData(Vartype.Spin, 2)]
    [InlineData(Vartype.Binary, 3)]
    public void ToIsingToQubo_RandomModel_PreservesEveryEnergy(Vartype vartype, int seed)
    {
        var model = RandomModels.Create(12, 0.5, seed, vartype);
        var random = new Random(seed);

        var ising = model.ToIsing();
        var qubo = model.ToQubo();
        var roundTrip = ising.ToQubo().ToIsing();

        Assert.Equal(Vartype.Spin, ising.Vartype);
        Assert.Equal(Vartype.Binary, qubo.Vartype);
        for (var sample = 0; sample < 200; sample++)
        {
            var bits = RandomModels.Solution(12, random);
            var expected = model.Evaluate(bits);
            Assert.Equal(expected, ising.Evaluate(bits), 9);
            Assert.Equal(expected, qubo.Evaluate(bits), 9);
            Assert.Equal(expected, roundTrip.Evaluate(bits), 9);
        }
    }

    [Fact]
    public void Build_CancellingTerms_DropsZeroCoupling()
    {
        var model = new BinaryQuadraticModelBuilder(3, Vartype.Binary).AddQuadratic(0, 1, 2).AddQuadratic(1, 0, -2).Build();

        Assert.Equal(0, model.InteractionCount);
        Assert.Equal(0, model.Degree(0));
    }

    [Fact]
    public void AddQuadratic_IndexOutOfRange_Throws()
    {
        var builder = new BinaryQuadraticModelBuilder(3, Vartype.Binary);

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddQuadratic(0, 3, 1));
    }
}
