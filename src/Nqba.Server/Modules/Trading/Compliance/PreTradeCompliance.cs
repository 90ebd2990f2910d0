using System.Globalization;

namespace Nqba.Server.Modules.Trading.Compliance;

/// <summary>
/// The pre-trade checks, on what is known at the order's close (no later price): the restricted list, the order's
/// size, the position's and the sector's share of the portfolio after a buy, and wash trades (a buy back within the
/// window after a sale of the same ticker at a loss). Every rule is evaluated, so the record shows each verdict.
/// </summary>
internal static class PreTradeCompliance
{
    public const string Restricted = "restricted-list";
    public const string OrderSize = "max-order-size";
    public const string PositionLimit = "max-position";
    public const string SectorLimit = "max-sector";
    public const string WashTrade = "wash-trade";

    /// <summary>What the checks need to know about the order and the portfolio.</summary>
    public sealed record Context(
        string Ticker, string? Sector, bool IsBuy, decimal Quantity, decimal Price, DateOnly Date,
        decimal PortfolioValue, decimal PositionValue, decimal SectorValue, DateOnly? LastLossSale);

    /// <summary>Every rule's name.</summary>
    public static readonly IReadOnlyList<string> Rules = [Restricted, OrderSize, PositionLimit, SectorLimit, WashTrade];

    public static IReadOnlyList<ComplianceCheck> Evaluate(Context c, ComplianceRules rules)
    {
        var value = c.Quantity * c.Price;
        var checks = new List<ComplianceCheck>();
        var restricted = rules.RestrictedTickers.Contains(c.Ticker, StringComparer.OrdinalIgnoreCase);
        checks.Add(new(Restricted, !restricted, restricted ? $"{c.Ticker} is on the restricted list." : "not restricted"));

        var tooLarge = value > rules.MaxOrderValue;
        checks.Add(new(OrderSize, !tooLarge, tooLarge
            ? $"The order's value {Money(value)} is above the maximum order size {Money(rules.MaxOrderValue)}."
            : $"order value {Money(value)}"));

        if (c.IsBuy)
        {
            var total = c.PortfolioValue;
            var position = total > 0 ? (double)((c.PositionValue + value) / total) : 1;
            checks.Add(new(PositionLimit, position <= rules.MaxPositionFraction, position <= rules.MaxPositionFraction
                ? $"position {Percent(position)}"
                : $"{c.Ticker} would be {Percent(position)} of the portfolio, above the maximum position of {Percent(rules.MaxPositionFraction)}."));

            if (c.Sector is { } sector)
            {
                var share = total > 0 ? (double)((c.SectorValue + value) / total) : 1;
                checks.Add(new(SectorLimit, share <= rules.MaxSectorFraction, share <= rules.MaxSectorFraction
                    ? $"sector {sector} {Percent(share)}"
                    : $"The sector {sector} would be {Percent(share)} of the portfolio, above the maximum sector weight of {Percent(rules.MaxSectorFraction)}."));
            }

            var wash = c.LastLossSale is { } sold && c.Date.DayNumber - sold.DayNumber <= rules.WashTradeDays;
            checks.Add(new(WashTrade, !wash, wash
                ? $"Wash trade: {c.Ticker} was sold at a loss on {c.LastLossSale:yyyy-MM-dd}, within {rules.WashTradeDays} days of this buy."
                : "no loss sale in the window"));
        }

        return [.. checks.Select(check => !check.Passed && rules.WarnOnlyRules.Contains(check.Rule, StringComparer.OrdinalIgnoreCase) ? check with { Warning = true } : check)];
    }

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);
}
