namespace Nqba.TradingBench;

/// <summary>A factor-model market with a fixed seed: Σ = B·diag(f)·Bᵀ + D, μ drawn between 2 % and 25 %.</summary>
internal static class SyntheticMarket
{
    private const int Factors = 5;

    public static (string[] Tickers, double[] Mu, double[,] Sigma) Create(int assets, int seed)
    {
        var random = new Random(seed);
        var loadings = new double[assets, Factors];
        var factorVariance = Enumerable.Range(0, Factors).Select(k => k == 0 ? 0.03 : 0.005 + (0.01 * random.NextDouble())).ToArray();
        for (var i = 0; i < assets; i++)
        {
            loadings[i, 0] = 0.6 + (0.8 * random.NextDouble());
            for (var k = 1; k < Factors; k++)
            {
                loadings[i, k] = random.NextDouble() - 0.5;
            }
        }

        var sigma = new double[assets, assets];
        for (var i = 0; i < assets; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var value = 0.0;
                for (var k = 0; k < Factors; k++)
                {
                    value += loadings[i, k] * factorVariance[k] * loadings[j, k];
                }

                if (i == j)
                {
                    value += 0.01 + (0.05 * random.NextDouble());
                }

                sigma[i, j] = value;
                sigma[j, i] = value;
            }
        }

        var mu = Enumerable.Range(0, assets).Select(_ => 0.02 + (0.23 * random.NextDouble())).ToArray();
        return ([.. Enumerable.Range(0, assets).Select(i => $"S{i:D3}")], mu, sigma);
    }
}
