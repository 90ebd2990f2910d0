namespace Nqba.Server.Modules.Trading.MarketData;

/// <summary>A tradable instrument, known by its ticker; its daily closes are <see cref="DailyPrice"/> rows.</summary>
internal sealed class Instrument
{
    public int Id { get; set; }

    /// <summary>The ticker as the price files name it (unique, case-sensitive).</summary>
    public required string Ticker { get; set; }

    public required string Name { get; set; }

    /// <summary>The sector, for sector limits and compliance; null when not known.</summary>
    public string? Sector { get; set; }

    /// <summary>Changed by every import that writes this instrument's prices: a price table cached under the old value is no longer read.</summary>
    public Guid PricesVersion { get; set; }
}
