using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Modules.Trading.Backtests;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Trading.Portfolios;

internal static class PortfolioEndpoints
{
    public static IEndpointRouteBuilder MapPortfolioEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/trading").WithTags("Trading").RequireAuthorization(NqbaPolicies.Trading);

        group.MapPost("/optimize", Optimize)
            .WithName("OptimizePortfolio")
            .WithSummary("Optimizes a portfolio of stored instruments (mean historical return, sample covariance): max-sharpe, min-volatility, efficient-risk (target volatility), efficient-return (target return) or hrp; optional weight bounds (uniform `bounds`, per ticker `assetBounds`), sector limits (`sectorLimits`: sector, min, max over the stored sectors) and maxAssets (cardinality, chosen by the QSAI engine). Answers the weights, return, volatility and Sharpe ratio; a bad field is a 400 naming it.");

        group.MapPost("/frontier", Frontier)
            .WithName("EfficientFrontier")
            .WithSummary("The efficient frontier as points (return, volatility, Sharpe, weights), from the minimum-volatility portfolio to the highest achievable return.");

        group.MapPost("/backtest", RunBacktest)
            .WithName("RunBacktest")
            .WithSummary("Walks a strategy (max-sharpe, min-volatility, hrp, equal-weight) forward over the stored prices without look-ahead, rebalancing every N trading days with costs in basis points; saves and answers the metrics, the benchmark's, turnover, costs and the equity curve.");

        group.MapGet("/backtests", ListBacktests)
            .WithName("ListBacktests")
            .WithSummary("The saved backtests, newest first (at most `take`, default 50, up to 200), with their request, metrics, the benchmark's, turnover and costs, without the equity curves: the runs side by side.");

        group.MapGet("/backtests/{id:guid}", GetBacktest)
            .WithName("GetBacktest")
            .WithSummary("A saved backtest.");

        return app;
    }

    private static async Task<Results<Ok<OptimizeResponse>, ProblemHttpResult>> Optimize(OptimizeRequest request, PortfolioOptimizer optimizer, CancellationToken ct) =>
        (await optimizer.OptimizeAsync(request, ct)).ToOk();

    private static async Task<Results<Ok<FrontierResponse>, ProblemHttpResult>> Frontier(FrontierRequest request, PortfolioOptimizer optimizer, CancellationToken ct) =>
        (await optimizer.FrontierAsync(request, ct)).ToOk();

    private static async Task<Results<Ok<BacktestDto>, ProblemHttpResult>> RunBacktest(BacktestRequest request, BacktestService backtests, HttpContext context, CancellationToken ct) =>
        (await backtests.RunAsync(request, context.User, ct)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<BacktestSummary>>, ProblemHttpResult>> ListBacktests(int? take, BacktestService backtests, CancellationToken ct)
    {
        if (take is < 1 or > BacktestService.MaxList)
        {
            return Error.Validation("take", $"take must be between 1 and {BacktestService.MaxList}.").ToProblem();
        }

        return TypedResults.Ok(await backtests.ListAsync(take ?? 50, ct));
    }

    private static async Task<Results<Ok<BacktestDto>, ProblemHttpResult>> GetBacktest(Guid id, BacktestService backtests, CancellationToken ct) =>
        await backtests.GetAsync(id, ct) is { } run ? TypedResults.Ok(run) : Error.NotFound("Backtest", id).ToProblem();
}
