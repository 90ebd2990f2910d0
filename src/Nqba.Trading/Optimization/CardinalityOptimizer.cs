using System.Diagnostics;
using Nqba.Optimization.Problems;
using Nqba.Optimization.Solvers;

namespace Nqba.Trading.Optimization;

/// <summary>
/// Portfolios of at most (or exactly) K assets. The choice of assets is a binary quadratic problem: with equal
/// weights 1/K, a selection x has return μᵀx/K and variance xᵀΣx/K², so <c>max (μ − r_f)ᵀx − (δ/2K)·xᵀΣx</c> with
/// Σx = K is a QUBO with a cardinality penalty (<see cref="PortfolioSelectionProblem"/> in Nqba.Optimization), solved
/// by the QSAI engine (annealing, <c>auto</c>). δ is the risk aversion implied by the unconstrained tangency
/// portfolio, (μ_p − r_f)/σ_p²; for minimum volatility the return term is dropped. The weights on the chosen assets
/// are then solved exactly with <see cref="EfficientFrontier"/>. <see cref="Exhaustive"/> tries every K-subset
/// (small n) and <see cref="SelectWithCpSat"/> solves the same QUBO with OR-Tools CP-SAT, so the gap can be reported.
/// </summary>
public static class CardinalityOptimizer
{
    private const double ExactlyFloor = 1e-4;

    /// <summary>Weights this small (rounding in the exact solve) count as not held.</summary>
    private const double ZeroWeight = 1e-12;

    /// <summary>Selects with the QSAI engine, then solves the weights.</summary>
    public static TradingResult<CardinalityResult> Optimize(IReadOnlyList<string> tickers, IReadOnlyList<double> expectedReturns, double[,] covariance, CardinalityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        if (Check(tickers, options) is { } error)
        {
            return TradingResult.Failure<CardinalityResult>(error);
        }

        var problem = Proxy(tickers, expectedReturns, covariance, options);
        var selection = problem.SolveWithAnnealer(SolverFactory.Create("auto"), new SolverOptions { TimeLimit = options.SelectionTime, Seed = options.Seed });
        return Finish(tickers, expectedReturns, covariance, options, selection, "qsai", clock);
    }

    /// <summary>Selects by solving the same QUBO with OR-Tools CP-SAT (exact given enough time), then solves the weights.</summary>
    public static TradingResult<CardinalityResult> SelectWithCpSat(IReadOnlyList<string> tickers, IReadOnlyList<double> expectedReturns, double[,] covariance, CardinalityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        if (Check(tickers, options) is { } error)
        {
            return TradingResult.Failure<CardinalityResult>(error);
        }

        var selection = Proxy(tickers, expectedReturns, covariance, options).SolveExact(options.SelectionTime);
        return Finish(tickers, expectedReturns, covariance, options, selection, "cp-sat", clock);
    }

    /// <summary>The best K-subset by the true objective, trying all C(n, K) of them (for small n).</summary>
    public static TradingResult<CardinalityResult> Exhaustive(IReadOnlyList<string> tickers, IReadOnlyList<double> expectedReturns, double[,] covariance, CardinalityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        if (Check(tickers, options) is { } error)
        {
            return TradingResult.Failure<CardinalityResult>(error);
        }

        CardinalityResult? best = null;
        var solved = 0;
        foreach (var subset in Combinations(tickers.Count, options.Count))
        {
            var result = SolveSubset(tickers, expectedReturns, covariance, options, subset);
            solved++;
            if (result is not null && (best is null || result.Objective < best.Objective))
            {
                best = result;
            }
        }

        return best is null
            ? TradingResult.Failure<CardinalityResult>("cardinality.infeasible", "No K-subset admits feasible weights.")
            : TradingResult.Success(best with { Selector = "exhaustive", SubsetsSolved = solved, Elapsed = clock.Elapsed });
    }

    private static TradingResult<CardinalityResult> Finish(IReadOnlyList<string> tickers, IReadOnlyList<double> expectedReturns, double[,] covariance, CardinalityOptions options, ProblemSolution selection, string selector, Stopwatch clock)
    {
        var subset = Enumerable.Range(0, tickers.Count).Where(i => selection.Choice[i] == 1).ToArray();
        if (subset.Length != options.Count)
        {
            return TradingResult.Failure<CardinalityResult>("cardinality.selection", $"The selection has {subset.Length} assets instead of {options.Count}.");
        }

        var result = SolveSubset(tickers, expectedReturns, covariance, options, subset);
        return result is null
            ? TradingResult.Failure<CardinalityResult>("cardinality.infeasible", "The chosen assets admit no feasible weights.")
            : TradingResult.Success(result with { Selector = selector, SelectionScore = selection.Objective, Elapsed = clock.Elapsed });
    }

    internal static PortfolioSelectionProblem Proxy(IReadOnlyList<string> tickers, IReadOnlyList<double> expectedReturns, double[,] covariance, CardinalityOptions options)
    {
        var k = options.Count;
        if (options.Objective == CardinalityObjective.MinVolatility)
        {
            return new PortfolioSelectionProblem(new double[tickers.Count], covariance, k, 1);
        }

        var tangency = new EfficientFrontier(tickers, expectedReturns, covariance).MaxSharpe(options.RiskFreeRate);
        var delta = tangency.IsSuccess ? (tangency.Value.ExpectedReturn - options.RiskFreeRate) / (tangency.Value.Volatility * tangency.Value.Volatility) : 1;
        return new PortfolioSelectionProblem([.. expectedReturns.Select(r => r - options.RiskFreeRate)], covariance, k, delta / (2 * k));
    }

    /// <summary>Solves the weights on a subset; positions under the minimum are dropped and the rest solved again.</summary>
    private static CardinalityResult? SolveSubset(IReadOnlyList<string> tickers, IReadOnlyList<double> expectedReturns, double[,] covariance, CardinalityOptions options, IReadOnlyList<int> subset)
    {
        var held = subset.ToList();
        var solves = 0;
        while (held.Count > 0)
        {
            var sub = new double[held.Count, held.Count];
            for (var a = 0; a < held.Count; a++)
            {
                for (var b = 0; b < held.Count; b++)
                {
                    sub[a, b] = covariance[held[a], held[b]];
                }
            }

            var floor = options.Exactly ? Math.Max(options.MinimumPosition, ExactlyFloor) : 0;
            var constraints = PortfolioConstraints.Uniform(held.Count, floor, 1);
            var frontier = new EfficientFrontier([.. held.Select(i => tickers[i])], [.. held.Select(i => expectedReturns[i])], sub, constraints);
            var portfolio = options.Objective == CardinalityObjective.MinVolatility ? frontier.MinVolatility(options.RiskFreeRate) : frontier.MaxSharpe(options.RiskFreeRate);
            solves++;
            if (!portfolio.IsSuccess)
            {
                return null;
            }

            var small = Enumerable.Range(0, held.Count).Where(a => portfolio.Value.Weights[a] < options.MinimumPosition && portfolio.Value.Weights[a] > 0 && !options.Exactly).ToList();
            if (small.Count > 0)
            {
                var weakest = small.MinBy(a => portfolio.Value.Weights[a]);
                held.RemoveAt(weakest);
                continue;
            }

            var weights = new double[tickers.Count];
            for (var a = 0; a < held.Count; a++)
            {
                weights[held[a]] = Math.Abs(portfolio.Value.Weights[a]) < ZeroWeight ? 0 : portfolio.Value.Weights[a];
            }

            var full = new EfficientFrontier(tickers, expectedReturns, covariance).Evaluate(weights, options.RiskFreeRate, portfolio.Value.Solve);
            var objective = options.Objective == CardinalityObjective.MinVolatility ? full.Volatility : -full.SharpeRatio;
            return new CardinalityResult(full, [.. held.Where(i => weights[i] != 0)], [.. subset], null, objective, "subset", solves, TimeSpan.Zero);
        }

        return null;
    }

    private static TradingError? Check(IReadOnlyList<string> tickers, CardinalityOptions options)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        if (options.Count < 1 || options.Count > tickers.Count)
        {
            return new TradingError("cardinality.count", $"K must be between 1 and {tickers.Count}.");
        }

        return options.MinimumPosition < 0 || options.MinimumPosition * options.Count > 1
            ? new TradingError("cardinality.minimum", "The minimum position must be between 0 and 1/K.")
            : null;
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var indices = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])indices.Clone();
            var i = k - 1;
            while (i >= 0 && indices[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            indices[i]++;
            for (var j = i + 1; j < k; j++)
            {
                indices[j] = indices[j - 1] + 1;
            }
        }
    }
}
