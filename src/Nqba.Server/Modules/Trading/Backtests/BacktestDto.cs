using Nqba.Trading.Risk;

namespace Nqba.Server.Modules.Trading.Backtests;

/// <summary>A saved backtest: its metrics (and the benchmark's), turnover, costs, rebalances and the equity curve.</summary>
public sealed record BacktestDto(
    Guid Id, DateTime CreatedAt, string Method, BacktestRequest Request, PerformanceMetrics Metrics, PerformanceMetrics? BenchmarkMetrics,
    double TotalTurnover, double TotalCost, int Rebalances, IReadOnlyList<EquityPoint> Equity);

/// <summary>The portfolio's value (1 on the first rebalance day) and the benchmark's on one day.</summary>
public sealed record EquityPoint(DateOnly Date, double Value, double? Benchmark);

/// <summary>A saved backtest without its equity curve: what the list of runs compares.</summary>
public sealed record BacktestSummary(
    Guid Id, DateTime CreatedAt, string Method, BacktestRequest Request, PerformanceMetrics Metrics, PerformanceMetrics? BenchmarkMetrics,
    double TotalTurnover, double TotalCost, int Rebalances, DateOnly? From, DateOnly? To)
{
    internal static BacktestSummary Of(BacktestDto run) =>
        new(run.Id, run.CreatedAt, run.Method, run.Request, run.Metrics, run.BenchmarkMetrics, run.TotalTurnover, run.TotalCost, run.Rebalances,
            run.Equity.Count == 0 ? null : run.Equity[0].Date, run.Equity.Count == 0 ? null : run.Equity[^1].Date);
}
