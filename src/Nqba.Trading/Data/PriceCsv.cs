using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Nqba.Trading.Data;

/// <summary>
/// Reads daily prices from CSV with CsvHelper: the wide format (a date column, then one column per ticker; an empty
/// cell means no price that day, e.g. before a listing) and the one-file-per-ticker OHLCV format
/// (<c>Date,Open,High,Low,Close[,Adj Close],Volume</c>). Bad input is returned as a <see cref="TradingError"/> that names
/// the 1-based line and the column: unparseable dates, prices that are not positive numbers, duplicate dates and rows
/// with the wrong number of cells.
/// </summary>
public static class PriceCsv
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm:ss", "yyyyMMdd"];

    /// <summary>Reads the wide format. Rows may come in any order; they are sorted by date.</summary>
    public static TradingResult<PriceTable> ReadWide(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var parser = CreateParser(reader);
        if (!parser.Read() || parser.Record is not { Length: > 1 } header)
        {
            return TradingResult.Failure<PriceTable>("csv.header", "line 1: expected a header with a date column and at least one ticker", 1);
        }

        var tickers = header[1..].Select(t => t.Trim()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < tickers.Length; c++)
        {
            if (tickers[c].Length == 0 || !seen.Add(tickers[c]))
            {
                return TradingResult.Failure<PriceTable>("csv.header", $"line 1, column {c + 2}: ticker '{tickers[c]}' is empty or repeated", 1, (c + 2).ToString(CultureInfo.InvariantCulture));
            }
        }

        var rows = new List<(DateOnly Date, double[] Prices)>();
        var lines = new Dictionary<DateOnly, int>();
        while (parser.Read())
        {
            var line = parser.RawRow;
            var record = parser.Record!;
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                return TradingResult.Failure<PriceTable>("csv.columns", $"line {line}: expected {header.Length} cells, found {record.Length}", line);
            }

            if (!TryParseDate(record[0], out var date))
            {
                return TradingResult.Failure<PriceTable>("csv.date", $"line {line}, column {header[0]}: '{record[0]}' is not a date (expected yyyy-MM-dd)", line, header[0]);
            }

            if (lines.TryGetValue(date, out var first))
            {
                return TradingResult.Failure<PriceTable>("csv.duplicate-date", $"line {line}, column {header[0]}: date {date:yyyy-MM-dd} already appears on line {first}", line, header[0]);
            }

            lines[date] = line;
            var prices = new double[tickers.Length];
            for (var c = 0; c < tickers.Length; c++)
            {
                var cell = record[c + 1].Trim();
                if (cell.Length == 0)
                {
                    prices[c] = double.NaN;
                    continue;
                }

                if (!TryParsePrice(cell, out prices[c]))
                {
                    return TradingResult.Failure<PriceTable>("csv.price", $"line {line}, column {tickers[c]}: '{cell}' is not a positive price", line, tickers[c]);
                }
            }

            rows.Add((date, prices));
        }

        rows.Sort((a, b) => a.Date.CompareTo(b.Date));
        var columns = Enumerable.Range(0, tickers.Length).Select(c => rows.Select(r => r.Prices[c]).ToArray()).ToArray();
        return TradingResult.Success(new PriceTable([.. rows.Select(r => r.Date)], tickers, columns));
    }

    /// <summary>Reads one ticker's OHLCV file; the header names the columns (case-insensitive, any order; <c>Adj Close</c> optional).</summary>
    public static TradingResult<OhlcvSeries> ReadOhlcv(string ticker, TextReader reader)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        ArgumentNullException.ThrowIfNull(reader);
        using var parser = CreateParser(reader);
        if (!parser.Read() || parser.Record is not { } header)
        {
            return TradingResult.Failure<OhlcvSeries>("csv.header", "line 1: the file is empty", 1);
        }

        var names = header.Select(h => h.Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();
        int Find(string name) => names.IndexOf(name);
        var (date, open, high, low, close, adjusted, volume) = (Find("DATE"), Find("OPEN"), Find("HIGH"), Find("LOW"), Find("CLOSE"), Find("ADJCLOSE"), Find("VOLUME"));
        var missing = new[] { ("Date", date), ("Open", open), ("High", high), ("Low", low), ("Close", close), ("Volume", volume) }.Where(p => p.Item2 < 0).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            return TradingResult.Failure<OhlcvSeries>("csv.header", $"line 1: missing column(s) {string.Join(", ", missing)}", 1);
        }

        var bars = new List<OhlcvBar>();
        var lines = new Dictionary<DateOnly, int>();
        while (parser.Read())
        {
            var line = parser.RawRow;
            var record = parser.Record!;
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                return TradingResult.Failure<OhlcvSeries>("csv.columns", $"line {line}: expected {header.Length} cells, found {record.Length}", line);
            }

            if (!TryParseDate(record[date], out var day))
            {
                return TradingResult.Failure<OhlcvSeries>("csv.date", $"line {line}, column {header[date]}: '{record[date]}' is not a date (expected yyyy-MM-dd)", line, header[date]);
            }

            if (lines.TryGetValue(day, out var first))
            {
                return TradingResult.Failure<OhlcvSeries>("csv.duplicate-date", $"line {line}, column {header[date]}: date {day:yyyy-MM-dd} already appears on line {first}", line, header[date]);
            }

            lines[day] = line;
            var values = new double[header.Length];
            foreach (var c in new[] { open, high, low, close, adjusted })
            {
                if (c >= 0 && !TryParsePrice(record[c].Trim(), out values[c]))
                {
                    return TradingResult.Failure<OhlcvSeries>("csv.price", $"line {line}, column {header[c]}: '{record[c]}' is not a positive price", line, header[c]);
                }
            }

            if (!double.TryParse(record[volume].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var shares) || !double.IsFinite(shares) || shares < 0)
            {
                return TradingResult.Failure<OhlcvSeries>("csv.volume", $"line {line}, column {header[volume]}: '{record[volume]}' is not a volume of zero or more", line, header[volume]);
            }

            bars.Add(new OhlcvBar(day, values[open], values[high], values[low], values[close], adjusted >= 0 ? values[adjusted] : null, shares));
        }

        bars.Sort((a, b) => a.Date.CompareTo(b.Date));
        return TradingResult.Success(new OhlcvSeries(ticker, bars));
    }

    /// <summary>Joins per-ticker series on the union of their dates (adjusted close where present, else close; NaN where a ticker has no bar).</summary>
    public static PriceTable Combine(IReadOnlyList<OhlcvSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var dates = series.SelectMany(s => s.Bars.Select(b => b.Date)).Distinct().Order().ToArray();
        var index = dates.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i);
        var columns = series.Select(s =>
        {
            var column = Enumerable.Repeat(double.NaN, dates.Length).ToArray();
            foreach (var bar in s.Bars)
            {
                column[index[bar.Date]] = bar.AdjustedClose ?? bar.Close;
            }

            return column;
        }).ToArray();
        return new PriceTable(dates, [.. series.Select(s => s.Ticker)], columns);
    }

    private static CsvParser CreateParser(TextReader reader) =>
        new(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = true, BadDataFound = null, TrimOptions = TrimOptions.None }, leaveOpen: true);

    private static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool TryParsePrice(string text, out double price) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out price) && double.IsFinite(price) && price > 0;
}
