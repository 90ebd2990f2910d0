using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Trading.Persistence;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Trading.MarketData;

/// <summary>
/// The demo market data on a first start with demo data: PyPortfolioOpt's sample file (20 US stocks, 1989–2018) and
/// SPY, embedded in the server. Skipped when any instrument exists, so a later start reads one row and writes nothing.
/// </summary>
internal sealed partial class TradingSeeder(TradingDbContext db, PriceImporter importer, IOptions<TradingOptions> options, ILogger<TradingSeeder> logger) : IDataSeeder
{
    private static readonly Dictionary<string, (string Name, string? Sector)> Descriptions = new(StringComparer.Ordinal)
    {
        ["GOOG"] = ("Alphabet", "Technology"),
        ["AAPL"] = ("Apple", "Technology"),
        ["FB"] = ("Facebook", "Technology"),
        ["BABA"] = ("Alibaba", "Consumer discretionary"),
        ["AMZN"] = ("Amazon", "Consumer discretionary"),
        ["GE"] = ("General Electric", "Industrials"),
        ["AMD"] = ("Advanced Micro Devices", "Technology"),
        ["WMT"] = ("Walmart", "Consumer staples"),
        ["BAC"] = ("Bank of America", "Financials"),
        ["GM"] = ("General Motors", "Consumer discretionary"),
        ["T"] = ("AT&T", "Communication"),
        ["UAA"] = ("Under Armour", "Consumer discretionary"),
        ["SHLD"] = ("Sears Holdings", "Consumer discretionary"),
        ["XOM"] = ("Exxon Mobil", "Energy"),
        ["RRC"] = ("Range Resources", "Energy"),
        ["BBY"] = ("Best Buy", "Consumer discretionary"),
        ["MA"] = ("Mastercard", "Financials"),
        ["PFE"] = ("Pfizer", "Health care"),
        ["JPM"] = ("JPMorgan Chase", "Financials"),
        ["SBUX"] = ("Starbucks", "Consumer discretionary"),
        ["SPY"] = ("SPDR S&P 500 ETF", "Index fund"),
    };

    public int Order => 80;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        if (!includeDemoData || !options.Value.SeedDemoPrices || await db.Instruments.AnyAsync(cancellationToken))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var prices = 0;
        foreach (var file in new[] { "stock_prices.csv", "spy_prices.csv" })
        {
            await using var stream = typeof(TradingSeeder).Assembly.GetManifestResourceStream("Nqba.Server.Modules.Trading.MarketData.Demo." + file)
                ?? throw new InvalidOperationException($"The demo price file {file} is not embedded in the server.");
            using var reader = new StreamReader(stream);
            var imported = await importer.ImportCsvAsync(reader, Descriptions, cancellationToken);
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException($"The embedded demo file {file} does not parse: {imported.Error.Detail}");
            }

            prices += imported.Value.Prices;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogSeeded(prices, elapsed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trading: stored {Prices} demo prices in {ElapsedMs:F0} ms")]
    private partial void LogSeeded(int prices, double elapsedMs);
}
