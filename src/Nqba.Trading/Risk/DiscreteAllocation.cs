using Google.OrTools.Sat;

namespace Nqba.Trading.Risk;

/// <summary>
/// Turns weights into whole shares. <see cref="Greedy"/> follows PyPortfolioOpt's <c>greedy_portfolio</c>: buy the
/// floor of each target in descending weight order, then keep buying one share of the asset furthest below its
/// weight that is still affordable. <see cref="Exact"/> solves PyPortfolioOpt's <c>lp_portfolio</c> objective
/// (Σ|w_i·T − x_i p_i| + leftover, in cents) as an integer programme with OR-Tools CP-SAT.
/// </summary>
public static class DiscreteAllocation
{
    private const double CentsPerUnit = 100;

    /// <summary>The greedy allocation.</summary>
    public static TradingResult<Allocation> Greedy(IReadOnlyList<double> weights, IReadOnlyList<double> prices, double cash)
    {
        if (Check(weights, prices, cash) is { } error)
        {
            return TradingResult.Failure<Allocation>(error);
        }

        var n = weights.Count;
        var shares = new long[n];
        var available = cash;
        foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => weights[i]))
        {
            var count = Math.Floor(weights[i] * cash / prices[i]);
            count = Math.Min(count, Math.Floor(available / prices[i]));
            shares[i] = (long)count;
            available -= count * prices[i];
        }

        while (true)
        {
            var candidates = Enumerable.Range(0, n).Where(i => prices[i] <= available && weights[i] > 0).ToList();
            if (candidates.Count == 0)
            {
                break;
            }

            var pick = candidates.MaxBy(i => weights[i] - (shares[i] * prices[i] / cash));
            shares[pick]++;
            available -= prices[pick];
        }

        return TradingResult.Success(new Allocation(shares, available, "greedy"));
    }

    /// <summary>The integer-programming allocation (CP-SAT, proven optimal within <paramref name="timeLimit"/>).</summary>
    public static TradingResult<Allocation> Exact(IReadOnlyList<double> weights, IReadOnlyList<double> prices, double cash, TimeSpan timeLimit)
    {
        if (Check(weights, prices, cash) is { } error)
        {
            return TradingResult.Failure<Allocation>(error);
        }

        var n = weights.Count;
        var total = (long)Math.Round(cash * CentsPerUnit);
        var cents = prices.Select(p => (long)Math.Round(p * CentsPerUnit)).ToArray();
        var model = new CpModel();
        var x = Enumerable.Range(0, n).Select(i => model.NewIntVar(0, total / Math.Max(cents[i], 1), $"x{i}")).ToArray();
        var deviations = new List<IntVar>();
        for (var i = 0; i < n; i++)
        {
            var target = (long)Math.Round(weights[i] * total);
            var deviation = model.NewIntVar(0, total, $"d{i}");
            model.Add(deviation >= target - (cents[i] * x[i]));
            model.Add(deviation >= (cents[i] * x[i]) - target);
            deviations.Add(deviation);
        }

        var spent = LinearExpr.WeightedSum(x, cents);
        model.Add(spent <= total);
        model.Minimize(LinearExpr.Sum(deviations) + total - spent);
        var solver = new CpSolver { StringParameters = $"max_time_in_seconds:{timeLimit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} num_workers:1" };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return TradingResult.Failure<Allocation>("allocation.unsolved", "CP-SAT found no allocation in the time limit.");
        }

        var shares = x.Select(v => solver.Value(v)).ToArray();
        var leftover = cash - shares.Select((s, i) => s * prices[i]).Sum();
        return TradingResult.Success(new Allocation(shares, leftover, "cp-sat"));
    }

    private static TradingError? Check(IReadOnlyList<double> weights, IReadOnlyList<double> prices, double cash)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(prices);
        if (weights.Count != prices.Count)
        {
            return new TradingError("allocation.input", "Every weight needs a price.");
        }

        if (prices.Any(p => !(p > 0) || !double.IsFinite(p)) || weights.Any(w => w < 0 || !double.IsFinite(w)))
        {
            return new TradingError("allocation.input", "Prices must be positive and weights non-negative (long-only allocation).");
        }

        return cash > 0 ? null : new TradingError("allocation.input", "The cash amount must be positive.");
    }
}
