using Nqba.Optimization.Model;

namespace Nqba.Optimization.Tests;

/// <summary>Random models and solutions for property-style tests (seeded, so failures reproduce).</summary>
internal static class RandomModels
{
    public static BinaryQuadraticModel Create(int variables, double density, int seed, Vartype vartype = Vartype.Binary, bool integral = false)
    {
        var random = new Random(seed);
        var builder = new BinaryQuadraticModelBuilder(variables, vartype);
        builder.AddOffset(Coefficient(random, integral));
        for (var i = 0; i < variables; i++)
        {
            builder.AddLinear(i, Coefficient(random, integral));
            for (var j = i + 1; j < variables; j++)
            {
                if (random.NextDouble() < density)
                {
                    builder.AddQuadratic(i, j, Coefficient(random, integral));
                }
            }
        }

        return builder.Build();
    }

    public static byte[] Solution(int variables, Random random)
    {
        var bits = new byte[variables];
        for (var i = 0; i < variables; i++)
        {
            bits[i] = (byte)random.Next(2);
        }

        return bits;
    }

    private static double Coefficient(Random random, bool integral) =>
        integral ? random.Next(-5, 6) : Math.Round((random.NextDouble() * 2) - 1, 3);
}
