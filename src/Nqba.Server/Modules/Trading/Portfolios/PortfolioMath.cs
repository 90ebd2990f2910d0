using Nqba.Server.Platform.Errors;
using Nqba.Trading;
using Nqba.Trading.Data;
using Nqba.Trading.Estimation;
using Nqba.Trading.Optimization;

namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>
/// The optimizations of the API, the page and the CLI on a price table, with the library's estimators (compounded mean
/// historical return, sample covariance): request validation naming the field, then the library's optimizer.
/// </summary>
internal static class PortfolioMath
{
    public static Dictionary<string, string[]> Validate(OptimizeRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Method))
        {
            errors["method"] = ["A method is required: " + string.Join(", ", OptimizationMethods.All) + "."];
        }
        else if (!OptimizationMethods.All.Contains(request.Method, StringComparer.Ordinal))
        {
            errors["method"] = [$"Unknown method '{request.Method}'; use one of {string.Join(", ", OptimizationMethods.All)}."];
        }
        else if (request.Method is OptimizationMethods.EfficientRisk or OptimizationMethods.EfficientReturn && request.Target is null)
        {
            errors["target"] = [$"{request.Method} needs a target ({(request.Method == OptimizationMethods.EfficientRisk ? "annual volatility" : "annual return")}, e.g. 0.2)."];
        }

        if (request.Target is { } target && (!double.IsFinite(target) || target <= 0 || target > 10))
        {
            errors["target"] = ["The target must be a positive annual fraction (0.2 is 20 %)."];
        }

        ValidateCommon(request.RiskFreeRate, request.Bounds, errors);
        ValidateLimits(request.AssetBounds, request.SectorLimits, errors);
        ValidateEstimators(request.Estimators, errors);
        if (request.AllocateCash is { } cash && (!double.IsFinite(cash) || cash <= 0 || cash > 1e12))
        {
            errors["allocateCash"] = ["allocateCash must be a positive amount of cash."];
        }

        if (request.MaxAssets is { } k)
        {
            if (k < 1)
            {
                errors["maxAssets"] = ["maxAssets must be at least 1."];
            }
            else if (request.Method is not (OptimizationMethods.MaxSharpe or OptimizationMethods.MinVolatility))
            {
                errors["maxAssets"] = ["maxAssets (cardinality) works with max-sharpe and min-volatility."];
            }
            else if (request.AssetBounds is { Count: > 0 } || request.SectorLimits is { Count: > 0 } || request.Bounds is not null)
            {
                errors["maxAssets"] = ["maxAssets (cardinality) cannot be combined with bounds, assetBounds or sectorLimits."];
            }
        }

        if (request.From is { } from && request.To is { } to && to <= from)
        {
            errors["to"] = ["to must be after from."];
        }

        return errors;
    }

    public static void ValidateCommon(double? riskFreeRate, WeightBounds? bounds, Dictionary<string, string[]> errors)
    {
        if (riskFreeRate is { } rf && (!double.IsFinite(rf) || rf < -0.5 || rf > 0.5))
        {
            errors["riskFreeRate"] = ["The risk-free rate is an annual fraction between -0.5 and 0.5 (0.02 is 2 %)."];
        }

        if (bounds is not null)
        {
            var lower = bounds.Lower ?? 0;
            var upper = bounds.Upper ?? 1;
            if (!double.IsFinite(lower) || !double.IsFinite(upper) || lower < -1 || upper > 1 || lower > upper)
            {
                errors["bounds"] = ["Bounds need -1 ≤ lower ≤ upper ≤ 1."];
            }
        }
    }

    /// <summary>Each asset's bounds within -1 ≤ lower ≤ upper ≤ 1; each sector limit named, within 0 ≤ min ≤ max ≤ 1.</summary>
    public static void ValidateLimits(IReadOnlyDictionary<string, WeightBounds>? assetBounds, IReadOnlyList<SectorLimitRequest>? sectorLimits, Dictionary<string, string[]> errors)
    {
        foreach (var (ticker, b) in assetBounds ?? new Dictionary<string, WeightBounds>())
        {
            if (b is null || !InRange(b.Lower ?? 0, b.Upper ?? 1, -1))
            {
                errors["assetBounds"] = [$"assetBounds.{ticker} needs -1 ≤ lower ≤ upper ≤ 1."];
                return;
            }
        }

        foreach (var limit in sectorLimits ?? [])
        {
            if (limit is null || string.IsNullOrWhiteSpace(limit.Sector) || !InRange(limit.Min ?? 0, limit.Max ?? 1, 0))
            {
                errors["sectorLimits"] = ["Each sector limit names a sector and needs 0 ≤ min ≤ max ≤ 1."];
                return;
            }
        }
    }

    /// <summary>The estimator names and the span.</summary>
    public static void ValidateEstimators(EstimatorOptions? estimators, Dictionary<string, string[]> errors)
    {
        if (estimators?.ExpectedReturns is { } returns && returns is not ("mean-historical" or "ema"))
        {
            errors["estimators.expectedReturns"] = ["expectedReturns is mean-historical or ema."];
        }

        if (estimators?.RiskModel is { } risk && risk is not ("sample" or "ledoit-wolf"))
        {
            errors["estimators.riskModel"] = ["riskModel is sample or ledoit-wolf."];
        }

        if (estimators?.Span is { } span && span is < 2 or > 10_000)
        {
            errors["estimators.span"] = ["span is between 2 and 10000 trading days."];
        }
    }

    /// <summary>Expected returns and covariance as the request asks (PyPortfolioOpt's defaults when it does not), and their description.</summary>
    private static (double[] Mu, double[,] Sigma, string Description) Estimate(PriceTable prices, EstimatorOptions? options)
    {
        var compounding = options?.Compounding ?? true;
        var mu = options?.ExpectedReturns == "ema"
            ? ExpectedReturns.ExponentiallyWeighted(prices, options.Span ?? ExpectedReturns.DefaultSpan, compounding)
            : ExpectedReturns.MeanHistorical(prices, compounding);
        var covariance = options?.RiskModel == "ledoit-wolf" ? RiskModels.LedoitWolf(prices) : RiskModels.SampleCovariance(prices);
        var description = (options?.ExpectedReturns ?? "mean-historical") + (compounding ? " (compounded)" : " (arithmetic)") + ", " +
            (options?.RiskModel ?? "sample") + (covariance.Shrinkage is { } delta ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (shrinkage {delta:0.####})") : string.Empty) +
            (covariance.WasFixed ? ", made positive semidefinite" : string.Empty);
        return (mu, covariance.Matrix, description);
    }

    /// <summary>Whole shares of the weights at each asset's last stored close, least leftover first (CP-SAT), greedy if that fails.</summary>
    private static Result<AllocationResponse> Allocate(PriceTable prices, IReadOnlyList<double> weights, double cash)
    {
        var last = Enumerable.Range(0, prices.Tickers.Count).Select(c =>
        {
            var column = prices.Column(c);
            for (var r = column.Length - 1; r >= 0; r--)
            {
                if (double.IsFinite(column[r]))
                {
                    return column[r];
                }
            }

            return double.NaN;
        }).ToArray();
        var held = Enumerable.Range(0, weights.Count).Where(i => weights[i] > 1e-6 && double.IsFinite(last[i])).ToList();
        var w = held.ConvertAll(i => weights[i]);
        var total = w.Sum();
        w = w.ConvertAll(x => x / total);
        var p = held.ConvertAll(i => last[i]);
        var exact = Nqba.Trading.Risk.DiscreteAllocation.Exact(w, p, cash, TimeSpan.FromSeconds(1));
        var allocation = exact.IsSuccess ? exact : Nqba.Trading.Risk.DiscreteAllocation.Greedy(w, p, cash);
        if (!allocation.IsSuccess)
        {
            return Error.Validation("allocateCash", allocation.Error.Message);
        }

        var a = allocation.Value;
        return new AllocationResponse(
            held.Select((i, k) => (prices.Tickers[i], a.Shares[k])).Where(x => x.Item2 > 0).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal),
            held.ToDictionary(i => prices.Tickers[i], i => last[i], StringComparer.Ordinal),
            Math.Round(a.Leftover, 2),
            a.Method);
    }

    private static bool InRange(double lower, double upper, double floor) =>
        double.IsFinite(lower) && double.IsFinite(upper) && lower >= floor && upper <= 1 && lower <= upper;

    public static Result<OptimizeResponse> Optimize(PriceTable prices, OptimizeRequest request, IReadOnlyDictionary<string, string?>? sectors = null)
    {
        var n = prices.Tickers.Count;
        if (request.MaxAssets is { } k && k > n)
        {
            return Error.Validation("maxAssets", $"maxAssets {k} is more than the {n} assets.");
        }

        var limits = Constraints(prices.Tickers, request.Bounds, request.AssetBounds, request.SectorLimits, sectors);
        if (!limits.Succeeded)
        {
            return limits.Error;
        }

        var constraints = limits.Value;

        var rf = request.RiskFreeRate ?? EfficientFrontier.DefaultRiskFreeRate;
        var (mu, sigma, estimators) = Estimate(prices, request.Estimators);
        var frontier = new EfficientFrontier(prices.Tickers, mu, sigma, constraints);
        string? selector = null;
        TradingResult<Portfolio> result;
        switch (request.Method)
        {
            case OptimizationMethods.Hrp:
                var hrp = HierarchicalRiskParity.Optimize(ReturnSeries.FromPrices(prices));
                result = TradingResult.Success(frontier.Evaluate(hrp.Weights, rf));
                break;
            case OptimizationMethods.MaxSharpe or OptimizationMethods.MinVolatility when request.MaxAssets is { } count:
                var chosen = CardinalityOptimizer.Optimize(prices.Tickers, mu, sigma, new CardinalityOptions
                {
                    Count = count,
                    Objective = request.Method == OptimizationMethods.MaxSharpe ? CardinalityObjective.MaxSharpe : CardinalityObjective.MinVolatility,
                    RiskFreeRate = rf,
                });
                if (!chosen.IsSuccess)
                {
                    return ToError(chosen.Error);
                }

                selector = chosen.Value.Selector;
                result = TradingResult.Success(chosen.Value.Portfolio);
                break;
            case OptimizationMethods.MaxSharpe:
                result = frontier.MaxSharpe(rf);
                break;
            case OptimizationMethods.MinVolatility:
                result = frontier.MinVolatility(rf);
                break;
            case OptimizationMethods.EfficientRisk:
                result = frontier.EfficientRisk(request.Target!.Value, rf);
                break;
            default:
                result = frontier.EfficientReturn(request.Target!.Value, rf);
                break;
        }

        if (!result.IsSuccess)
        {
            return ToError(result.Error);
        }

        var p = result.Value;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < p.Tickers.Count; i++)
        {
            weights[p.Tickers[i]] = Clean(p.Weights[i]);
        }

        AllocationResponse? allocation = null;
        if (request.AllocateCash is { } cash)
        {
            var allocated = Allocate(prices, p.Weights, cash);
            if (!allocated.Succeeded)
            {
                return allocated.Error;
            }

            allocation = allocated.Value;
        }

        return new OptimizeResponse(request.Method!, weights, p.ExpectedReturn, p.Volatility, p.SharpeRatio, rf, prices.Dates[0], prices.Dates[^1])
        {
            Solver = p.Solve?.Solver,
            Selector = selector,
            Estimators = estimators,
            Allocation = allocation,
        };
    }

    public static Result<FrontierResponse> Frontier(PriceTable prices, FrontierRequest request, int points, IReadOnlyDictionary<string, string?>? sectors = null)
    {
        var limits = Constraints(prices.Tickers, request.Bounds, request.AssetBounds, request.SectorLimits, sectors);
        if (!limits.Succeeded)
        {
            return limits.Error;
        }

        var constraints = limits.Value;

        var rf = request.RiskFreeRate ?? EfficientFrontier.DefaultRiskFreeRate;
        var (mu, sigma, _) = Estimate(prices, request.Estimators);
        var frontier = new EfficientFrontier(prices.Tickers, mu, sigma, constraints);
        var curve = frontier.Frontier(points, rf);
        if (!curve.IsSuccess)
        {
            return ToError(curve.Error);
        }

        return new FrontierResponse([.. curve.Value.Select(p => new FrontierPoint(p.ExpectedReturn, p.Volatility, p.SharpeRatio, [.. p.Weights.Select(Clean)]))], prices.Tickers);
    }

    /// <summary>
    /// The library's constraints: long-only [0, 1] by default, the uniform <paramref name="bounds"/>, then each ticker's
    /// own; each sector limit over the tickers of that sector. A ticker or sector the table does not hold, or bounds no
    /// weights summing to 1 can meet, is a problem naming the field.
    /// </summary>
    private static Result<PortfolioConstraints> Constraints(
        IReadOnlyList<string> tickers, WeightBounds? bounds, IReadOnlyDictionary<string, WeightBounds>? assetBounds, IReadOnlyList<SectorLimitRequest>? sectorLimits,
        IReadOnlyDictionary<string, string?>? sectors)
    {
        var n = tickers.Count;
        var lower = Enumerable.Repeat(bounds?.Lower ?? 0, n).ToArray();
        var upper = Enumerable.Repeat(bounds?.Upper ?? 1, n).ToArray();
        foreach (var (ticker, own) in assetBounds ?? new Dictionary<string, WeightBounds>())
        {
            var i = IndexOf(tickers, ticker);
            if (i < 0)
            {
                return Error.Validation("assetBounds", $"assetBounds names {ticker}, which is not among the assets optimized.");
            }

            lower[i] = own.Lower ?? lower[i];
            upper[i] = own.Upper ?? upper[i];
            if (lower[i] > upper[i])
            {
                return Error.Validation("assetBounds", $"assetBounds.{ticker}: the lower bound {lower[i]} is above the upper bound {upper[i]}.");
            }
        }

        if (lower.Sum() > 1 + 1e-12 || upper.Sum() < 1 - 1e-12)
        {
            return Error.Validation(assetBounds is { Count: > 0 } ? "assetBounds" : "bounds", $"No weights within these bounds sum to 1 for {n} assets.");
        }

        var limits = new List<SectorLimit>();
        foreach (var limit in sectorLimits ?? [])
        {
            var members = Enumerable.Range(0, n).Where(i => sectors is not null && sectors.TryGetValue(tickers[i], out var s) && string.Equals(s, limit.Sector, StringComparison.OrdinalIgnoreCase)).ToList();
            if (members.Count == 0)
            {
                return Error.Validation("sectorLimits", $"No asset optimized is in the sector '{limit.Sector}'.");
            }

            limits.Add(new SectorLimit(limit.Sector!, members, limit.Min ?? 0, limit.Max ?? 1));
        }

        return new PortfolioConstraints { Lower = lower, Upper = upper, Sectors = limits };
    }

    private static int IndexOf(IReadOnlyList<string> tickers, string ticker)
    {
        for (var i = 0; i < tickers.Count; i++)
        {
            if (string.Equals(tickers[i], ticker, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Solver noise below 1e-10 shown as 0.</summary>
    private static double Clean(double weight) => Math.Abs(weight) < 1e-10 ? 0 : weight;

    internal static Error ToError(TradingError error) => Error.Validation(
        error.Code switch
        {
            "optimizer.target" => "target",
            "optimizer.bounds" or "optimizer.infeasible" => "bounds",
            "optimizer.sharpe" => "riskFreeRate",
            var c when c.StartsWith("cardinality", StringComparison.Ordinal) => "maxAssets",
            var c when c.StartsWith("backtest", StringComparison.Ordinal) => "lookbackDays",
            _ => "tickers",
        },
        error.Message);
}
