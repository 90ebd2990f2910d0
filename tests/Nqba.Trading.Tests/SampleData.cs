using Nqba.Trading.Data;

namespace Nqba.Trading.Tests;

/// <summary>PyPortfolioOpt's test prices (MIT licence; see Data/README.md), read once.</summary>
internal static class SampleData
{
    private static readonly Lazy<PriceTable> LazyStocks = new(() => Read("stock_prices.csv"));
    private static readonly Lazy<PriceTable> LazySpy = new(() => Read("spy_prices.csv"));

    public static PriceTable Stocks => LazyStocks.Value;

    public static PriceTable Spy => LazySpy.Value;

    private static PriceTable Read(string name)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Data", name));
        return PriceCsv.ReadWide(reader).Value;
    }
}
