namespace Nqba.Trading.Data;

/// <summary>
/// Daily prices: one row per date (ascending, unique), one column per ticker. A missing price (the instrument was not
/// listed yet, or has no quote that day) is <see cref="double.NaN"/>.
/// </summary>
public sealed class PriceTable
{
    private readonly double[][] _columns;

    /// <summary>Creates a table; <paramref name="columns"/> holds one array per ticker, each as long as <paramref name="dates"/>.</summary>
    /// <exception cref="ArgumentException">The shapes disagree or the dates are not strictly ascending (a bug in the caller; parsers check this first).</exception>
    public PriceTable(IReadOnlyList<DateOnly> dates, IReadOnlyList<string> tickers, IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(tickers);
        ArgumentNullException.ThrowIfNull(columns);
        if (tickers.Count != columns.Count || columns.Any(c => c.Length != dates.Count))
        {
            throw new ArgumentException("Every ticker needs one price per date.", nameof(columns));
        }

        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                throw new ArgumentException("Dates must be strictly ascending.", nameof(dates));
            }
        }

        Dates = [.. dates];
        Tickers = [.. tickers];
        _columns = [.. columns.Select(c => (double[])c.Clone())];
    }

    /// <summary>The dates, ascending.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The tickers, in column order.</summary>
    public IReadOnlyList<string> Tickers { get; }

    /// <summary>The number of dates.</summary>
    public int Rows => Dates.Count;

    /// <summary>The price of ticker <paramref name="column"/> on date <paramref name="row"/> (NaN when missing).</summary>
    public double this[int row, int column] => _columns[column][row];

    /// <summary>The prices of one ticker, NaN where missing.</summary>
    public ReadOnlySpan<double> Column(int column) => _columns[column];

    /// <summary>The rows <paramref name="start"/> to <paramref name="end"/> (exclusive) as a new table.</summary>
    public PriceTable Slice(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, Rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        return new PriceTable([.. Dates.Skip(start).Take(end - start)], Tickers, [.. _columns.Select(c => c[start..end])]);
    }

    /// <summary>The given columns, in the given order, as a new table.</summary>
    public PriceTable Select(IReadOnlyList<int> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return new PriceTable(Dates, [.. columns.Select(c => Tickers[c])], [.. columns.Select(c => _columns[c])]);
    }

    /// <summary>The index of a ticker, or −1.</summary>
    public int IndexOf(string ticker) => Tickers.ToList().IndexOf(ticker);
}
