using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nqba.Server.Modules.Trading.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Trading.Data;

namespace Nqba.Server.Modules.Trading.MarketData;

/// <summary>
/// Reads a wide price CSV with the library's parser and stores it: new tickers become instruments, every price is
/// inserted or replaces the stored close of that day. The prices go in as multi-row inserts in one transaction
/// (tens of thousands of rows per second on SQLite), not through the change tracker.
/// </summary>
internal sealed class PriceImporter(TradingDbContext db)
{
    /// <summary>Rows per INSERT statement: 3 parameters each stays under SQLite's and PostgreSQL's parameter limits.</summary>
    private const int RowsPerStatement = 1000;

    public async Task<Result<PriceImportResult>> ImportCsvAsync(TextReader csv, IReadOnlyDictionary<string, (string Name, string? Sector)>? descriptions, CancellationToken cancellationToken)
    {
        var parsed = PriceCsv.ReadWide(csv);
        if (!parsed.IsSuccess)
        {
            var where = parsed.Error.Line is { } line ? $"line {line}" : "csv";
            return Error.Validation(where, parsed.Error.Message);
        }

        return await ImportAsync(parsed.Value, descriptions, cancellationToken);
    }

    /// <summary>Whether a CSV's header is an OHLCV file's (it names an Open and a Close column).</summary>
    public static bool IsOhlcv(string csv)
    {
        var end = csv.IndexOfAny(['\r', '\n']);
        var header = end >= 0 ? csv[..end] : csv;
        var names = header.Split(',').Select(h => h.Trim().Trim('"').ToUpperInvariant()).ToList();
        return names.Contains("OPEN") && names.Contains("CLOSE");
    }

    /// <summary>
    /// Imports OHLCV files, one ticker each (<c>PriceCsv.ReadOhlcv</c>; the adjusted close when present), joined on the
    /// union of their dates; a bad file is a validation error keyed by the file and line.
    /// </summary>
    public async Task<Result<PriceImportResult>> ImportOhlcvAsync(IReadOnlyList<(string Ticker, string File, string Text)> files, CancellationToken cancellationToken)
    {
        var series = new List<OhlcvSeries>(files.Count);
        foreach (var (ticker, file, text) in files)
        {
            if (string.IsNullOrWhiteSpace(ticker) || ticker.Length > 32)
            {
                return Error.Validation("ticker", $"{file}: a ticker of 1 to 32 characters is needed (the file's name or the ticker field).");
            }

            var parsed = PriceCsv.ReadOhlcv(ticker.Trim(), new StringReader(text));
            if (!parsed.IsSuccess)
            {
                return Error.Validation(parsed.Error.Line is { } line ? $"{file} line {line}" : file, $"{file}: {parsed.Error.Message}");
            }

            series.Add(parsed.Value);
        }

        if (series.Select(s => s.Ticker).Distinct(StringComparer.Ordinal).Count() != series.Count)
        {
            return Error.Validation("file", "Two files name the same ticker.");
        }

        return await ImportAsync(PriceCsv.Combine(series), null, cancellationToken);
    }

    public async Task<Result<PriceImportResult>> ImportAsync(PriceTable table, IReadOnlyDictionary<string, (string Name, string? Sector)>? descriptions, CancellationToken cancellationToken)
    {
        if (table.Rows == 0 || table.Tickers.Count == 0)
        {
            return Error.Validation("csv", "The file has no prices: it needs a header (date, then one column per ticker) and at least one row.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var tickers = table.Tickers.ToList();
            var known = await db.Instruments.Where(i => tickers.Contains(i.Ticker)).ToDictionaryAsync(i => i.Ticker, StringComparer.Ordinal, ct);
            foreach (var ticker in tickers.Where(t => !known.ContainsKey(t)))
            {
                var description = descriptions?.GetValueOrDefault(ticker);
                var instrument = new Instrument { Ticker = ticker, Name = description?.Name ?? ticker, Sector = description?.Sector };
                db.Instruments.Add(instrument);
                known[ticker] = instrument;
            }

            // In the import's transaction: a reader that sees the new version also sees the new prices.
            foreach (var instrument in known.Values)
            {
                instrument.PricesVersion = Guid.CreateVersion7();
            }

            await db.SaveChangesAsync(ct);

            if (db.Database.IsSqlite())
            {
                var written = await InsertOneByOneAsync(table, tickers.ConvertAll(t => known[t].Id), transaction.GetDbTransaction(), ct);
                await transaction.CommitAsync(ct);
                return (Result<PriceImportResult>)new PriceImportResult(tickers.Count, written, table.Dates[0], table.Dates[^1]);
            }

            var rows = 0;
            var values = new List<object>(RowsPerStatement * 3);
            var sql = new StringBuilder();
            for (var c = 0; c < tickers.Count; c++)
            {
                var id = known[tickers[c]].Id;
                var column = table.Column(c).ToArray();
                for (var r = 0; r < table.Rows; r++)
                {
                    if (double.IsNaN(column[r]))
                    {
                        continue;
                    }

                    values.Add(id);
                    values.Add(table.Dates[r]);
                    values.Add(column[r]);
                    rows++;
                    if (values.Count == RowsPerStatement * 3)
                    {
                        await FlushAsync(values, sql, ct);
                    }
                }
            }

            await FlushAsync(values, sql, ct);
            await transaction.CommitAsync(ct);
            return (Result<PriceImportResult>)new PriceImportResult(tickers.Count, rows, table.Dates[0], table.Dates[^1]);
        }, cancellationToken);
    }

    /// <summary>
    /// SQLite: one prepared statement executed per row inside the transaction, which there is faster than large
    /// multi-row statements (no per-statement parsing of thousands of parameters).
    /// </summary>
    private async Task<int> InsertOneByOneAsync(PriceTable table, List<int> ids, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO trading_prices (\"InstrumentId\", \"Date\", \"Close\") VALUES ($i, $d, $c) ON CONFLICT (\"InstrumentId\", \"Date\") DO UPDATE SET \"Close\" = excluded.\"Close\"";
        var id = command.CreateParameter();
        id.ParameterName = "$i";
        var date = command.CreateParameter();
        date.ParameterName = "$d";
        var close = command.CreateParameter();
        close.ParameterName = "$c";
        command.Parameters.Add(id);
        command.Parameters.Add(date);
        command.Parameters.Add(close);
        await command.PrepareAsync(cancellationToken);
        // EF stores a DateOnly on SQLite as ISO text.
        var days = table.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var rows = 0;
        for (var c = 0; c < ids.Count; c++)
        {
            id.Value = ids[c];
            var column = table.Column(c).ToArray();
            for (var r = 0; r < column.Length; r++)
            {
                if (double.IsNaN(column[r]))
                {
                    continue;
                }

                date.Value = days[r];
                close.Value = column[r];
                await command.ExecuteNonQueryAsync(cancellationToken);
                rows++;
            }
        }

        return rows;
    }

    private async Task FlushAsync(List<object> values, StringBuilder sql, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return;
        }

        sql.Clear().Append("INSERT INTO trading_prices (\"InstrumentId\", \"Date\", \"Close\") VALUES ");
        for (var p = 0; p < values.Count; p += 3)
        {
            sql.Append(p == 0 ? "(" : ", (").Append('{').Append(p).Append("}, {").Append(p + 1).Append("}, {").Append(p + 2).Append("})");
        }

        sql.Append(" ON CONFLICT (\"InstrumentId\", \"Date\") DO UPDATE SET \"Close\" = excluded.\"Close\"");
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
        values.Clear();
    }
}

/// <summary>What an import stored: tickers in the file, prices written (new or replaced), the first and last date.</summary>
public sealed record PriceImportResult(int Instruments, int Prices, DateOnly From, DateOnly To);
