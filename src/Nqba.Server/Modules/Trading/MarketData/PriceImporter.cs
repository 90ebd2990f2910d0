using System.Text;
using Microsoft.EntityFrameworkCore;
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

            await db.SaveChangesAsync(ct);

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
