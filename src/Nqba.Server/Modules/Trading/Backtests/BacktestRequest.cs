namespace Nqba.Server.Modules.Trading.Backtests;

/// <summary>
/// A walk-forward backtest over stored prices: the strategy (<c>max-sharpe</c>, <c>min-volatility</c>, <c>hrp</c>,
/// <c>equal-weight</c>), rebalanced every <paramref name="RebalanceEveryDays"/> trading days (default 63) on the last
/// <paramref name="LookbackDays"/> (default 252), paying <paramref name="CostBasisPoints"/> of traded value (default 10);
/// against the benchmark when it is stored.
/// </summary>
public sealed record BacktestRequest(
    IReadOnlyList<string>? Tickers, string? Method, int? RebalanceEveryDays = null, double? CostBasisPoints = null, int? LookbackDays = null,
    DateOnly? From = null, DateOnly? To = null, double? RiskFreeRate = null);
