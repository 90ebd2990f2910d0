using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Trading;

/// <summary>The <c>Trading:Compliance</c> settings: the limits every order is checked against before it is sent.</summary>
public sealed class ComplianceRules
{
    /// <summary>Tickers no order may buy or sell (the restricted list).</summary>
    public List<string> RestrictedTickers { get; set; } = [];

    /// <summary>The largest share of the portfolio's value one position may reach after a buy (default 0.25).</summary>
    [Range(0.0, 1.0)]
    public double MaxPositionFraction { get; set; } = 0.25;

    /// <summary>The largest share of the portfolio's value one sector may reach after a buy (default 0.40).</summary>
    [Range(0.0, 1.0)]
    public double MaxSectorFraction { get; set; } = 0.40;

    /// <summary>The largest value of one order at its last known close (default 250,000).</summary>
    [Range(0.0, 1e12)]
    public decimal MaxOrderValue { get; set; } = 250_000m;

    /// <summary>A buy within this many days after a sale of the same ticker at a loss is a wash trade (default 30).</summary>
    [Range(0, 366)]
    public int WashTradeDays { get; set; } = 30;

    /// <summary>
    /// Rules that warn instead of block (by name: restricted-list, max-order-size, max-position, max-sector, wash-trade):
    /// an order they fail still fills, the warning kept with its checks, in the trade record and on the blotter.
    /// Empty by default: every rule blocks.
    /// </summary>
    public List<string> WarnOnlyRules { get; set; } = [];
}
