using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Trading;

/// <summary>The <c>Trading</c> settings section.</summary>
public sealed class TradingOptions
{
    public const string SectionName = "Trading";

    /// <summary>The benchmark's ticker: left out of the default asset set, used for backtests' beta and curve (default SPY).</summary>
    [Required]
    public string Benchmark { get; set; } = "SPY";

    /// <summary>Whether a first start with demo data stores the demo prices (20 US stocks and SPY, 1989–2018; default true).</summary>
    public bool SeedDemoPrices { get; set; } = true;

    /// <summary>The most points one frontier request may ask for.</summary>
    [Range(2, 1000)]
    public int MaxFrontierPoints { get; set; } = 200;

    /// <summary>The pre-trade compliance rules of paper trading.</summary>
    public ComplianceRules Compliance { get; set; } = new();
}
