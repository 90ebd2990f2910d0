using Nqba.Trading.Optimization;

namespace Nqba.Trading.Tests;

/// <summary>Random small problems: feasibility and optimality checked without trusting the solver.</summary>
public sealed class RandomProblemTests
{
    private const int Problems = 40;
    private const double Step = 1e-4;

    [Fact]
    public void MinVolatility_RandomBoundedProblems_IsFeasibleAndNoPairwiseMoveImprovesIt()
    {
        for (var seed = 0; seed < Problems; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(3, 9);
            var sigma = RandomCovariance(random, n);
            var upper = Enumerable.Range(0, n).Select(_ => 0.2 + (0.6 * random.NextDouble())).ToArray();
            var constraints = new PortfolioConstraints { Lower = [.. Enumerable.Repeat(0.0, n)], Upper = upper };
            var frontier = new EfficientFrontier([.. Enumerable.Range(0, n).Select(i => $"A{i}")], new double[n], sigma, constraints);

            var w = frontier.MinVolatility().Value.Weights.ToArray();

            Assert.Equal(1.0, w.Sum(), 1e-12);
            var variance = Variance(sigma, w);
            for (var i = 0; i < n; i++)
            {
                Assert.InRange(w[i], -1e-12, upper[i] + 1e-12);
                for (var j = 0; j < n; j++)
                {
                    // Moving weight from j to i keeps the budget; where the bounds allow it, it must not lower the variance.
                    if (i == j || w[i] + Step > upper[i] || w[j] - Step < 0)
                    {
                        continue;
                    }

                    var moved = (double[])w.Clone();
                    moved[i] += Step;
                    moved[j] -= Step;
                    Assert.True(Variance(sigma, moved) >= variance - 1e-15, $"seed {seed}: moving {Step} from {j} to {i} lowers the variance");
                }
            }
        }
    }

    [Fact]
    public void MaxSharpe_RandomProblems_BeatsEveryFrontierPoint()
    {
        for (var seed = 0; seed < Problems / 4; seed++)
        {
            var random = new Random(1000 + seed);
            var n = random.Next(3, 9);
            var sigma = RandomCovariance(random, n);
            var mu = Enumerable.Range(0, n).Select(_ => 0.03 + (0.2 * random.NextDouble())).ToArray();
            var frontier = new EfficientFrontier([.. Enumerable.Range(0, n).Select(i => $"A{i}")], mu, sigma);

            var best = frontier.MaxSharpe().Value;
            var points = frontier.Frontier(20).Value;

            Assert.All(points, p => Assert.True(p.SharpeRatio <= best.SharpeRatio + 1e-12, $"seed {seed}: {p.SharpeRatio} > {best.SharpeRatio}"));
        }
    }

    private static double[,] RandomCovariance(Random random, int n)
    {
        var factor = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                factor[i, j] = (random.NextDouble() - 0.4) * 0.3;
            }
        }

        var sigma = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    sigma[i, j] += factor[i, k] * factor[j, k];
                }

                if (i == j)
                {
                    sigma[i, j] += 0.005;
                }
            }
        }

        return sigma;
    }

    private static double Variance(double[,] sigma, double[] w)
    {
        var sum = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            for (var j = 0; j < w.Length; j++)
            {
                sum += w[i] * sigma[i, j] * w[j];
            }
        }

        return sum;
    }
}
