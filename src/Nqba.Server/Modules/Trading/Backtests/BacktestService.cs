using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Trading.MarketData;
using Nqba.Server.Modules.Trading.Persistence;
using Nqba.Server.Modules.Trading.Portfolios;
using Nqba.Server.Platform.Errors;
using Nqba.Trading.Backtesting;
using Nqba.Trading.Optimization;

namespace Nqba.Server.Modules.Trading.Backtests;

/// <summary>Runs backtests on the stored prices with the library's backtester and keeps each result.</summary>
internal sealed class BacktestService(TradingDbContext db, MarketDataQueries market, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The strategies by name.</summary>
    public static readonly IReadOnlyList<string> Methods = ["max-sharpe", "min-volatility", "hrp", "equal-weight"];

    /// <summary>The most runs one list answers.</summary>
    public const int MaxList = 200;

    public async Task<Result<BacktestDto>> RunAsync(BacktestRequest request, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Method is null || !Methods.Contains(request.Method, StringComparer.Ordinal))
        {
            errors["method"] = [$"Use one of {string.Join(", ", Methods)}."];
        }

        var rebalance = request.RebalanceEveryDays ?? 63;
        var lookback = request.LookbackDays ?? 252;
        var cost = request.CostBasisPoints ?? 10;
        if (rebalance is < 1 or > 2520)
        {
            errors["rebalanceEveryDays"] = ["rebalanceEveryDays must be between 1 and 2520 trading days."];
        }

        if (lookback is < 2 or > 5040)
        {
            errors["lookbackDays"] = ["lookbackDays must be between 2 and 5040 trading days."];
        }

        if (!double.IsFinite(cost) || cost is < 0 or > 1000)
        {
            errors["costBasisPoints"] = ["costBasisPoints must be between 0 and 1000."];
        }

        PortfolioMath.ValidateCommon(request.RiskFreeRate, null, errors);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var prices = await market.LoadAsync(request.Tickers, request.From, request.To, cancellationToken);
        if (!prices.Succeeded)
        {
            return prices.Error;
        }

        var rf = request.RiskFreeRate ?? EfficientFrontier.DefaultRiskFreeRate;
        var strategy = request.Method switch
        {
            "max-sharpe" => BacktestStrategy.MaxSharpe(rebalance, cost, lookback, rf),
            "min-volatility" => BacktestStrategy.MinVolatility(rebalance, cost, lookback),
            "hrp" => BacktestStrategy.HierarchicalRiskParity(rebalance, cost, lookback),
            _ => BacktestStrategy.EqualWeight(rebalance, cost, lookback),
        };
        var benchmark = await market.LoadBenchmarkAsync(prices.Value.Dates[0], prices.Value.Dates[^1], cancellationToken);
        var aligned = benchmark is null ? null : Align(benchmark, prices.Value.Dates);
        var run = Backtester.Run(prices.Value, strategy, aligned, rf);
        if (!run.IsSuccess)
        {
            return PortfolioMath.ToError(run.Error);
        }

        var r = run.Value;
        var equity = r.Dates.Select((d, i) => new EquityPoint(d, r.Equity[i], r.BenchmarkEquity?[i])).ToList();
        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow().UtcDateTime;
        var dto = new BacktestDto(id, now, request.Method!, request, r.Metrics, r.BenchmarkMetrics, r.TotalTurnover, r.TotalCost, r.Rebalances.Count, equity);
        db.Backtests.Add(new BacktestRun
        {
            Id = id,
            CreatedAt = now,
            CreatedBy = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            Method = request.Method!,
            RequestJson = JsonSerializer.Serialize(request, Json),
            ResultJson = JsonSerializer.Serialize(dto, Json),
            SummaryJson = JsonSerializer.Serialize(BacktestSummary.Of(dto), Json),
        });
        await db.SaveChangesAsync(cancellationToken);
        return dto;
    }

    public async Task<BacktestDto?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Backtests.AsNoTracking().Where(b => b.Id == id).Select(b => b.ResultJson).FirstOrDefaultAsync(cancellationToken) is { } json
            ? JsonSerializer.Deserialize<BacktestDto>(json, Json)
            : null;

    /// <summary>The most recent saved runs, newest first, without their equity curves.</summary>
    public async Task<IReadOnlyList<BacktestSummary>> ListAsync(int take, CancellationToken cancellationToken)
    {
        var rows = await db.Backtests.AsNoTracking().OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Take(take)
            .Select(b => new { b.SummaryJson, b.Id }).ToListAsync(cancellationToken);
        var runs = new List<BacktestSummary>(rows.Count);
        foreach (var row in rows)
        {
            // Runs saved before the summary column existed are summarized from their full result once read.
            runs.Add(row.SummaryJson is { } summary
                ? JsonSerializer.Deserialize<BacktestSummary>(summary, Json)!
                : BacktestSummary.Of((await GetAsync(row.Id, cancellationToken))!));
        }

        return runs;
    }

    /// <summary>The benchmark on the portfolio's dates (NaN where it has no close that day).</summary>
    private static Nqba.Trading.Data.PriceTable Align(Nqba.Trading.Data.PriceTable benchmark, IReadOnlyList<DateOnly> dates)
    {
        var byDate = benchmark.Dates.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => benchmark[x.i, 0]);
        return new Nqba.Trading.Data.PriceTable(dates, benchmark.Tickers, [[.. dates.Select(d => byDate.GetValueOrDefault(d, double.NaN))]]);
    }
}
