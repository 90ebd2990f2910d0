namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>
/// An optimization over stored prices: <paramref name="Tickers"/> (all but the benchmark when left out), a method
/// (<c>max-sharpe</c>, <c>min-volatility</c>, <c>efficient-risk</c>, <c>efficient-return</c>, <c>hrp</c>), the risk-free
/// rate (default 0.02), the target volatility or return of the efficient methods, weight bounds, and at most
/// <paramref name="MaxAssets"/> assets held (cardinality; max-sharpe and min-volatility only).
/// </summary>
public sealed record OptimizeRequest(
    IReadOnlyList<string>? Tickers, string? Method, double? RiskFreeRate = null, double? Target = null, WeightBounds? Bounds = null, int? MaxAssets = null,
    DateOnly? From = null, DateOnly? To = null);
