namespace Nqba.Server.Modules.Trading.Backtests;

/// <summary>A saved backtest: what was asked and what came out, as JSON, so runs can be compared later.</summary>
internal sealed class BacktestRun
{
    public Guid Id { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public required string Method { get; set; }

    public required string RequestJson { get; set; }

    public required string ResultJson { get; set; }

    /// <summary>The result without its equity curve (<see cref="BacktestSummary"/>), so a list of runs reads kilobytes, not the curves.</summary>
    public string? SummaryJson { get; set; }
}
