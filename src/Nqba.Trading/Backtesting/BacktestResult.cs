using Nqba.Trading.Risk;

namespace Nqba.Trading.Backtesting;

/// <summary>The outcome of a walk-forward backtest; equity starts at 1 on the first rebalance day.</summary>
public sealed record BacktestResult(
    string Strategy,
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<double> Equity,
    IReadOnlyList<double>? BenchmarkEquity,
    IReadOnlyList<Rebalance> Rebalances,
    double TotalTurnover,
    double TotalCost,
    PerformanceMetrics Metrics,
    PerformanceMetrics? BenchmarkMetrics);
