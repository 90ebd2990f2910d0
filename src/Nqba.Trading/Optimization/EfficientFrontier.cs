using Google.OrTools.LinearSolver;

namespace Nqba.Trading.Optimization;

/// <summary>
/// Mean-variance optimization with PyPortfolioOpt's problem definitions (long-only by default, per-asset bounds,
/// sector limits). Every method solves a convex quadratic programme with OR-Tools — PDLP for the QPs, SCIP for
/// <see cref="EfficientRisk"/>'s quadratic constraint — and then refines the answer exactly: the constraints active at
/// the solver's point are taken as equalities and the KKT system is solved with a dense LU factorization, adding or
/// dropping constraints until primal feasibility and the multiplier signs hold. The result is optimal to about 1e-12
/// (rounding), where PDLP alone reaches about 1e-7. Maximum Sharpe uses the standard change of variables
/// (y = κw with (μ − r_f)ᵀy = 1) so it is a convex QP too.
/// </summary>
public sealed class EfficientFrontier
{
    /// <summary>PyPortfolioOpt's default risk-free rate.</summary>
    public const double DefaultRiskFreeRate = 0.02;

    private const double ReturnTolerance = 1e-9;

    private readonly double[] _mean;
    private readonly double[,] _covariance;
    private readonly PortfolioConstraints _constraints;
    private readonly Lazy<MathNet.Numerics.LinearAlgebra.Matrix<double>> _factor;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="tickers">The assets.</param>
    /// <param name="expectedReturns">μ, annual; null for minimum volatility only.</param>
    /// <param name="covariance">Σ, annual, symmetric positive semidefinite.</param>
    /// <param name="constraints">Bounds and sector limits; null for long-only.</param>
    public EfficientFrontier(IReadOnlyList<string> tickers, IReadOnlyList<double>? expectedReturns, double[,] covariance, PortfolioConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        ArgumentNullException.ThrowIfNull(covariance);
        var n = tickers.Count;
        if (covariance.GetLength(0) != n || covariance.GetLength(1) != n || (expectedReturns is not null && expectedReturns.Count != n))
        {
            throw new ArgumentException($"Expected {n} returns and a {n} x {n} covariance matrix.", nameof(covariance));
        }

        Tickers = [.. tickers];
        _mean = expectedReturns is null ? new double[n] : [.. expectedReturns];
        _covariance = (double[,])covariance.Clone();
        _constraints = constraints ?? PortfolioConstraints.LongOnly;
        _factor = new Lazy<MathNet.Numerics.LinearAlgebra.Matrix<double>>(() => OrToolsBackend.Factor(_covariance));
    }

    /// <summary>The assets.</summary>
    public IReadOnlyList<string> Tickers { get; }

    /// <summary>The minimum-variance portfolio.</summary>
    public TradingResult<Portfolio> MinVolatility(double riskFreeRate = DefaultRiskFreeRate) =>
        SolveWeights(new double[Assets], [], null, riskFreeRate);

    /// <summary>The tangency portfolio: maximum (μᵀw − r_f)/√(wᵀΣw), via y = κw, minimize yᵀΣy s.t. (μ − r_f)ᵀy = 1.</summary>
    public TradingResult<Portfolio> MaxSharpe(double riskFreeRate = DefaultRiskFreeRate)
    {
        if (Validate() is { } invalid)
        {
            return TradingResult.Failure<Portfolio>(invalid);
        }

        var n = Assets;
        if (_mean.Max() <= riskFreeRate)
        {
            return TradingResult.Failure<Portfolio>("optimizer.sharpe", $"No asset's expected return exceeds the risk-free rate {riskFreeRate}; the maximum Sharpe ratio is undefined.");
        }

        var m = n + 1;
        var rows = new List<LinearRow>
        {
            new([.. _mean.Select(r => r - riskFreeRate), 0], 1, 1, "excess return"),
            new([.. Enumerable.Repeat(1.0, n), -1], 0, 0, "budget"),
        };
        var lower = new double[m];
        var upper = Enumerable.Repeat(double.PositiveInfinity, m).ToArray();
        var longOnly = Enumerable.Range(0, n).All(i => _constraints.LowerOf(i) >= 0);
        for (var i = 0; i < n; i++)
        {
            var lo = _constraints.LowerOf(i);
            var hi = _constraints.UpperOf(i);
            lower[i] = lo >= 0 ? 0 : double.NegativeInfinity;
            if (lo != 0 && double.IsFinite(lo))
            {
                rows.Add(new LinearRow(Scaled(i, lo, m), 0, double.PositiveInfinity, $"{Tickers[i]} lower"));
            }

            // Long-only weights summing to 1 cannot exceed 1, so an upper bound of 1 or more needs no row then.
            if (double.IsFinite(hi) && !(longOnly && hi >= 1))
            {
                rows.Add(new LinearRow(Scaled(i, hi, m), double.NegativeInfinity, 0, $"{Tickers[i]} upper"));
            }
        }

        foreach (var sector in _constraints.Sectors)
        {
            var coefficients = new double[m];
            foreach (var i in sector.Assets)
            {
                coefficients[i] = 1;
            }

            coefficients[n] = -sector.Lower;
            rows.Add(new LinearRow((double[])coefficients.Clone(), 0, double.PositiveInfinity, $"{sector.Name} lower"));
            coefficients[n] = -sector.Upper;
            rows.Add(new LinearRow(coefficients, double.NegativeInfinity, 0, $"{sector.Name} upper"));
        }

        var program = new QuadraticProgram(_covariance, new double[m], lower, upper, rows) { Factor = _factor.Value };
        if (QpSolver.Solve(program) is not { } solved || solved.X[n] <= 0)
        {
            return TradingResult.Failure<Portfolio>("optimizer.infeasible", "The maximum-Sharpe problem has no solution under these bounds and sector limits.");
        }

        var weights = solved.X[..n].Select(y => y / solved.X[n]).ToArray();
        return TradingResult.Success(Evaluate(weights, riskFreeRate, solved.Outcome));
    }

    /// <summary>The maximum-return portfolio whose volatility is at most <paramref name="targetVolatility"/>.</summary>
    public TradingResult<Portfolio> EfficientRisk(double targetVolatility, double riskFreeRate = DefaultRiskFreeRate)
    {
        if (!(targetVolatility > 0))
        {
            return TradingResult.Failure<Portfolio>("optimizer.target", "The target volatility must be positive.");
        }

        return SolveWeights([.. _mean.Select(r => -r)], [], targetVolatility * targetVolatility, riskFreeRate);
    }

    /// <summary>The minimum-volatility portfolio whose expected return is at least <paramref name="targetReturn"/>.</summary>
    public TradingResult<Portfolio> EfficientReturn(double targetReturn, double riskFreeRate = DefaultRiskFreeRate)
    {
        if (MaxReturn() is not { } best || targetReturn > best + ReturnTolerance)
        {
            return TradingResult.Failure<Portfolio>("optimizer.target", $"The target return {targetReturn} is above the highest achievable return.");
        }

        return SolveWeights(new double[Assets], [new LinearRow([.. _mean], Math.Min(targetReturn, best), double.PositiveInfinity, "target return")], null, riskFreeRate);
    }

    /// <summary>
    /// <paramref name="points"/> efficient portfolios, evenly spaced in expected return from the minimum-volatility
    /// portfolio's return to the highest achievable return.
    /// </summary>
    public TradingResult<IReadOnlyList<Portfolio>> Frontier(int points, double riskFreeRate = DefaultRiskFreeRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var minimum = MinVolatility(riskFreeRate);
        if (!minimum.IsSuccess)
        {
            return TradingResult.Failure<IReadOnlyList<Portfolio>>(minimum.Error);
        }

        var low = minimum.Value.ExpectedReturn;
        var high = MaxReturn() ?? low;
        var result = new List<Portfolio> { minimum.Value };
        for (var k = 1; k < points; k++)
        {
            var target = low + ((high - low) * k / (points - 1));
            var point = EfficientReturn(target, riskFreeRate);
            if (!point.IsSuccess)
            {
                return TradingResult.Failure<IReadOnlyList<Portfolio>>(point.Error);
            }

            result.Add(point.Value);
        }

        return TradingResult.Success<IReadOnlyList<Portfolio>>(result);
    }

    /// <summary>The expected performance of given weights.</summary>
    public Portfolio Evaluate(IReadOnlyList<double> weights, double riskFreeRate = DefaultRiskFreeRate, QpSolveOutcome? solve = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var expected = 0.0;
        var variance = 0.0;
        for (var i = 0; i < Assets; i++)
        {
            expected += _mean[i] * weights[i];
            for (var j = 0; j < Assets; j++)
            {
                variance += weights[i] * _covariance[i, j] * weights[j];
            }
        }

        var volatility = Math.Sqrt(Math.Max(variance, 0));
        return new Portfolio(Tickers, [.. weights], expected, volatility, (expected - riskFreeRate) / volatility, solve);
    }

    /// <summary>The highest expected return the constraints allow (a linear programme solved with GLOP), or null when they are infeasible.</summary>
    public double? MaxReturn()
    {
        using var solver = Solver.CreateSolver("GLOP");
        var w = Enumerable.Range(0, Assets).Select(i => solver.MakeNumVar(_constraints.LowerOf(i), _constraints.UpperOf(i), $"w{i}")).ToArray();
        var budget = solver.MakeConstraint(1, 1, "budget");
        foreach (var v in w)
        {
            budget.SetCoefficient(v, 1);
        }

        foreach (var sector in _constraints.Sectors)
        {
            var row = solver.MakeConstraint(sector.Lower, sector.Upper, sector.Name);
            foreach (var i in sector.Assets)
            {
                row.SetCoefficient(w[i], 1);
            }
        }

        var objective = solver.Objective();
        for (var i = 0; i < Assets; i++)
        {
            objective.SetCoefficient(w[i], _mean[i]);
        }

        objective.SetMaximization();
        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? objective.Value() : null;
    }

    private int Assets => Tickers.Count;

    private TradingResult<Portfolio> SolveWeights(double[] linear, IReadOnlyList<LinearRow> extraRows, double? varianceLimit, double riskFreeRate)
    {
        if (Validate() is { } invalid)
        {
            return TradingResult.Failure<Portfolio>(invalid);
        }

        var n = Assets;
        var rows = new List<LinearRow> { new([.. Enumerable.Repeat(1.0, n)], 1, 1, "budget") };
        foreach (var sector in _constraints.Sectors)
        {
            var coefficients = new double[n];
            foreach (var i in sector.Assets)
            {
                coefficients[i] = 1;
            }

            rows.Add(new LinearRow(coefficients, sector.Lower, sector.Upper, sector.Name));
        }

        rows.AddRange(extraRows);
        var lower = Enumerable.Range(0, n).Select(_constraints.LowerOf).ToArray();
        var upper = Enumerable.Range(0, n).Select(_constraints.UpperOf).ToArray();
        var program = new QuadraticProgram(_covariance, linear, lower, upper, rows, varianceLimit) { Factor = _factor.Value };
        if (QpSolver.Solve(program) is not { } solved)
        {
            return TradingResult.Failure<Portfolio>("optimizer.infeasible", "The problem has no solution under these bounds, sector limits and target.");
        }

        return TradingResult.Success(Evaluate(solved.X, riskFreeRate, solved.Outcome));
    }

    private TradingError? Validate()
    {
        var n = Assets;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(_mean[i]) || Enumerable.Range(0, n).Any(j => !double.IsFinite(_covariance[i, j])))
            {
                return new TradingError("optimizer.input", $"The expected return or covariance of {Tickers[i]} is not a finite number.");
            }

            if (_constraints.LowerOf(i) > _constraints.UpperOf(i))
            {
                return new TradingError("optimizer.bounds", $"The lower bound of {Tickers[i]} is above its upper bound.");
            }
        }

        var lowest = Enumerable.Range(0, n).Sum(_constraints.LowerOf);
        var highest = Enumerable.Range(0, n).Sum(_constraints.UpperOf);
        return lowest > 1 || highest < 1
            ? new TradingError("optimizer.bounds", $"The weight bounds cannot sum to 1 (they allow {lowest} to {highest}).")
            : null;
    }

    private static double[] Scaled(int asset, double bound, int size)
    {
        var coefficients = new double[size];
        coefficients[asset] = 1;
        coefficients[size - 1] = -bound;
        return coefficients;
    }
}
