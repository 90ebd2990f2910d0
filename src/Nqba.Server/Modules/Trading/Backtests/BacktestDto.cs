using Nqba.Trading.Risk;

namespace Nqba.Server.Modules.Trading.Backtests;

/// <summary>A saved backtest: its metrics (and the benchmark's), turnover, costs, rebalances and the equity curve.</summary>
public sealed record BacktestDto(
    Guid Id, DateTime CreatedAt, string Method, BacktestRequest Request, PerformanceMetrics Metrics, PerformanceMetrics? BenchmarkMetrics,
    double TotalTurnover, double TotalCost, int Rebalances, IReadOnlyList<EquityPoint> Equity);

/// <summary>The portfolio's value (1 on the first rebalance day) and the benchmark's on one day.</summary>
public sealed record EquityPoint(DateOnly Date, double Value, double? Benchmark);
