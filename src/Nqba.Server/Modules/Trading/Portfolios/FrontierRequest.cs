namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>
/// The efficient frontier of <paramref name="Tickers"/> (all but the benchmark when left out) as <paramref name="Points"/>
/// portfolios (default 20), under the same bounds and sector limits as <see cref="OptimizeRequest"/>.
/// </summary>
public sealed record FrontierRequest(
    IReadOnlyList<string>? Tickers, int? Points = null, double? RiskFreeRate = null, WeightBounds? Bounds = null, DateOnly? From = null, DateOnly? To = null,
    IReadOnlyDictionary<string, WeightBounds>? AssetBounds = null, IReadOnlyList<SectorLimitRequest>? SectorLimits = null)
{
    /// <summary>How expected returns and risk are estimated; see <see cref="OptimizeRequest.Estimators"/>.</summary>
    public EstimatorOptions? Estimators { get; init; }
}
