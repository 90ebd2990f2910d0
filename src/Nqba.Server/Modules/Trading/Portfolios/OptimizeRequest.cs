namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>
/// An optimization over stored prices: <paramref name="Tickers"/> (all but the benchmark when left out), a method
/// (<c>max-sharpe</c>, <c>min-volatility</c>, <c>efficient-risk</c>, <c>efficient-return</c>, <c>hrp</c>), the risk-free
/// rate (default 0.02), the target volatility or return of the efficient methods, weight bounds (the same for every
/// asset, then per ticker in <paramref name="AssetBounds"/>), limits on each sector's total weight
/// (<paramref name="SectorLimits"/>, by the instruments' stored sectors), and at most <paramref name="MaxAssets"/>
/// assets held (cardinality; max-sharpe and min-volatility only, without per-asset or sector limits).
/// </summary>
public sealed record OptimizeRequest(
    IReadOnlyList<string>? Tickers, string? Method, double? RiskFreeRate = null, double? Target = null, WeightBounds? Bounds = null, int? MaxAssets = null,
    DateOnly? From = null, DateOnly? To = null, IReadOnlyDictionary<string, WeightBounds>? AssetBounds = null, IReadOnlyList<SectorLimitRequest>? SectorLimits = null)
{
    /// <summary>How expected returns are estimated (<see cref="EstimatorOptions"/>); the defaults are PyPortfolioOpt's.</summary>
    public EstimatorOptions? Estimators { get; init; }

    /// <summary>A cash amount to turn into whole shares of the optimized weights at the last stored closes (least leftover).</summary>
    public double? AllocateCash { get; init; }
}

/// <summary>
/// The estimators: <paramref name="ExpectedReturns"/> <c>mean-historical</c> (default) or <c>ema</c> (exponentially
/// weighted, <paramref name="Span"/> days, default 500); <paramref name="Compounding"/> (default true: compound annual
/// growth; false: arithmetic mean × 252); <paramref name="RiskModel"/> <c>sample</c> (default) or <c>ledoit-wolf</c>.
/// </summary>
public sealed record EstimatorOptions(string? ExpectedReturns = null, bool? Compounding = null, int? Span = null, string? RiskModel = null);

/// <summary>The total weight of the assets of one sector: at least <paramref name="Min"/> (default 0), at most <paramref name="Max"/> (default 1).</summary>
public sealed record SectorLimitRequest(string? Sector, double? Min = null, double? Max = null);
