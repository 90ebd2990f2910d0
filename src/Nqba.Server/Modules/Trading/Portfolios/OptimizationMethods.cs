namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>The optimizer methods by the names the API, the page and the CLI use.</summary>
internal static class OptimizationMethods
{
    public const string MaxSharpe = "max-sharpe";
    public const string MinVolatility = "min-volatility";
    public const string EfficientRisk = "efficient-risk";
    public const string EfficientReturn = "efficient-return";
    public const string Hrp = "hrp";

    /// <summary>Every method, in the order a form lists them.</summary>
    public static readonly IReadOnlyList<string> All = [MaxSharpe, MinVolatility, EfficientRisk, EfficientReturn, Hrp];

    /// <summary>The mean-variance methods (those the CLI offers).</summary>
    public static readonly IReadOnlyList<string> MeanVariance = [MaxSharpe, MinVolatility, EfficientRisk, EfficientReturn];
}
