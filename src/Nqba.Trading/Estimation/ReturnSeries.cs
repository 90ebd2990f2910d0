using Nqba.Trading.Data;

namespace Nqba.Trading.Estimation;

/// <summary>
/// Daily simple returns <c>p_t / p_{t−1} − 1</c> per asset (NaN where either price is missing; gaps are not filled),
/// with rows where every asset is NaN dropped, as PyPortfolioOpt's <c>returns_from_prices</c>.
/// </summary>
public sealed class ReturnSeries
{
    private readonly double[][] _columns;

    private ReturnSeries(IReadOnlyList<string> tickers, IReadOnlyList<DateOnly> dates, double[][] columns)
    {
        Tickers = tickers;
        Dates = dates;
        _columns = columns;
    }

    /// <summary>The tickers, in column order.</summary>
    public IReadOnlyList<string> Tickers { get; }

    /// <summary>The date of each return (the later of its two prices).</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The number of assets.</summary>
    public int Assets => _columns.Length;

    /// <summary>The number of rows.</summary>
    public int Rows => Dates.Count;

    /// <summary>The returns of one asset, NaN where missing.</summary>
    public ReadOnlySpan<double> Column(int asset) => _columns[asset];

    /// <summary>Computes the returns of a price table.</summary>
    public static ReturnSeries FromPrices(PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var n = prices.Tickers.Count;
        var keep = new List<int>();
        for (var t = 1; t < prices.Rows; t++)
        {
            for (var i = 0; i < n; i++)
            {
                if (double.IsFinite(prices[t, i] / prices[t - 1, i]))
                {
                    keep.Add(t);
                    break;
                }
            }
        }

        var columns = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var column = new double[keep.Count];
            for (var k = 0; k < keep.Count; k++)
            {
                var t = keep[k];
                column[k] = (prices[t, i] / prices[t - 1, i]) - 1;
            }

            columns[i] = column;
        }

        return new ReturnSeries(prices.Tickers, [.. keep.Select(t => prices.Dates[t])], columns);
    }

    /// <summary>Builds a series from raw columns (tests and synthetic data).</summary>
    public static ReturnSeries FromColumns(IReadOnlyList<string> tickers, IReadOnlyList<DateOnly> dates, IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return new ReturnSeries(tickers, dates, [.. columns.Select(c => (double[])c.Clone())]);
    }
}
