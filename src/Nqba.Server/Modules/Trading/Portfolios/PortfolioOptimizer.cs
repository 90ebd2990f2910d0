using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Trading.MarketData;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>Optimizations and frontiers over the stored prices, for the API and the optimizer page.</summary>
internal sealed class PortfolioOptimizer(MarketDataQueries market, IOptions<TradingOptions> options)
{
    public async Task<Result<OptimizeResponse>> OptimizeAsync(OptimizeRequest request, CancellationToken cancellationToken)
    {
        var errors = PortfolioMath.Validate(request);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var prices = await market.LoadAsync(request.Tickers, request.From, request.To, cancellationToken);
        return prices.Succeeded ? PortfolioMath.Optimize(prices.Value, request, await SectorsAsync(request.SectorLimits, cancellationToken)) : prices.Error;
    }

    public async Task<Result<FrontierResponse>> FrontierAsync(FrontierRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        PortfolioMath.ValidateCommon(request.RiskFreeRate, request.Bounds, errors);
        PortfolioMath.ValidateLimits(request.AssetBounds, request.SectorLimits, errors);
        PortfolioMath.ValidateEstimators(request.Estimators, errors);
        var points = request.Points ?? 20;
        if (points < 2 || points > options.Value.MaxFrontierPoints)
        {
            errors["points"] = [$"points must be between 2 and {options.Value.MaxFrontierPoints}."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var prices = await market.LoadAsync(request.Tickers, request.From, request.To, cancellationToken);
        return prices.Succeeded ? PortfolioMath.Frontier(prices.Value, request, points, await SectorsAsync(request.SectorLimits, cancellationToken)) : prices.Error;
    }

    /// <summary>Each instrument's sector, read only when a sector limit asks for it.</summary>
    private async Task<IReadOnlyDictionary<string, string?>?> SectorsAsync(IReadOnlyList<SectorLimitRequest>? limits, CancellationToken cancellationToken) =>
        limits is { Count: > 0 }
            ? (await market.ListInstrumentsAsync(cancellationToken)).ToDictionary(i => i.Ticker, i => i.Sector, StringComparer.OrdinalIgnoreCase)
            : null;
}
