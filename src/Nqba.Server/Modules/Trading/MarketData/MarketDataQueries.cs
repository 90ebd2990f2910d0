using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Trading.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Trading.Data;

namespace Nqba.Server.Modules.Trading.MarketData;

/// <summary>What the trading API and pages read of the market data: instruments and price tables.</summary>
internal sealed class MarketDataQueries(TradingDbContext db, IOptions<TradingOptions> options, PriceTableCache cache)
{
    public async Task<IReadOnlyList<InstrumentDto>> ListInstrumentsAsync(CancellationToken cancellationToken)
    {
        var instruments = await db.Instruments.AsNoTracking().OrderBy(i => i.Ticker).ToListAsync(cancellationToken);
        var spans = await db.Prices.AsNoTracking().GroupBy(p => p.InstrumentId)
            .Select(g => new { Id = g.Key, From = g.Min(p => p.Date), To = g.Max(p => p.Date), Count = g.Count() })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var last = await db.Prices.AsNoTracking()
            .Where(p => p.Date == db.Prices.Where(q => q.InstrumentId == p.InstrumentId).Max(q => q.Date))
            .Select(p => new { p.InstrumentId, p.Close })
            .ToDictionaryAsync(p => p.InstrumentId, p => p.Close, cancellationToken);
        return instruments.ConvertAll(i =>
        {
            var span = spans.GetValueOrDefault(i.Id);
            return new InstrumentDto(i.Ticker, i.Name, i.Sector, span?.From, span?.To, span?.Count ?? 0, last.TryGetValue(i.Id, out var close) ? close : null,
                string.Equals(i.Ticker, options.Value.Benchmark, StringComparison.Ordinal));
        });
    }

    /// <summary>
    /// The daily closes of <paramref name="tickers"/> (every instrument but the benchmark when null or empty) on the
    /// union of their trading days, from <paramref name="from"/> to <paramref name="to"/> inclusive; an unknown ticker
    /// is a validation error naming <c>tickers</c>.
    /// </summary>
    public async Task<Result<PriceTable>> LoadAsync(IReadOnlyList<string>? tickers, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var benchmark = options.Value.Benchmark;
        List<Instrument> instruments;
        if (tickers is null || tickers.Count == 0)
        {
            instruments = await db.Instruments.AsNoTracking().Where(i => i.Ticker != benchmark).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        }
        else
        {
            var wanted = tickers.Distinct(StringComparer.Ordinal).ToList();
            var found = await db.Instruments.AsNoTracking().Where(i => wanted.Contains(i.Ticker)).ToDictionaryAsync(i => i.Ticker, StringComparer.Ordinal, cancellationToken);
            var unknown = wanted.Where(t => !found.ContainsKey(t)).ToList();
            if (unknown.Count > 0)
            {
                return Error.Validation("tickers", $"Unknown ticker(s): {string.Join(", ", unknown)}. Import their prices first.");
            }

            instruments = wanted.ConvertAll(t => found[t]);
        }

        if (instruments.Count == 0)
        {
            return Error.Validation("tickers", "There are no instruments: import prices first (POST /api/trading/prices/import).");
        }

        var key = PriceTableCache.Key(instruments.ConvertAll(i => (i.Id, i.PricesVersion)), from, to);
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var loaded = await ReadAsync(instruments, from, to, cancellationToken);
        if (loaded.Succeeded)
        {
            cache.Set(key, loaded.Value);
        }

        return loaded;
    }

    private async Task<Result<PriceTable>> ReadAsync(List<Instrument> instruments, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var ids = instruments.ConvertAll(i => i.Id);
        var prices = db.Prices.AsNoTracking().Where(p => ids.Contains(p.InstrumentId));
        if (from is { } start)
        {
            prices = prices.Where(p => p.Date >= start);
        }

        if (to is { } end)
        {
            prices = prices.Where(p => p.Date <= end);
        }

        var rows = await prices.Select(p => new { p.InstrumentId, p.Date, p.Close }).ToListAsync(cancellationToken);
        var dates = rows.Select(r => r.Date).Distinct().Order().ToList();
        if (dates.Count == 0)
        {
            return Error.Validation("tickers", "No prices stored for these tickers in that period.");
        }

        var row = new Dictionary<DateOnly, int>(dates.Count);
        for (var i = 0; i < dates.Count; i++)
        {
            row[dates[i]] = i;
        }

        var column = ids.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        var columns = ids.ConvertAll(_ => Enumerable.Repeat(double.NaN, dates.Count).ToArray());
        foreach (var r in rows)
        {
            columns[column[r.InstrumentId]][row[r.Date]] = r.Close;
        }

        return new PriceTable(dates, instruments.ConvertAll(i => i.Ticker), columns);
    }

    /// <summary>The benchmark's closes (<see cref="TradingOptions.Benchmark"/>), or null when it is not stored.</summary>
    public async Task<PriceTable?> LoadBenchmarkAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var ticker = options.Value.Benchmark;
        if (!await db.Instruments.AnyAsync(i => i.Ticker == ticker, cancellationToken))
        {
            return null;
        }

        var table = await LoadAsync([ticker], from, to, cancellationToken);
        return table.Succeeded ? table.Value : null;
    }
}

/// <summary>An instrument with the span of its stored prices and its last close.</summary>
public sealed record InstrumentDto(string Ticker, string Name, string? Sector, DateOnly? From, DateOnly? To, int Prices, double? LastClose, bool IsBenchmark);
