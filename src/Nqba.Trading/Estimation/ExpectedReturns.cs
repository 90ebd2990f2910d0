using Nqba.Trading.Data;

namespace Nqba.Trading.Estimation;

/// <summary>
/// Expected annual returns with PyPortfolioOpt's definitions, so figures match it on the same data.
/// </summary>
public static class ExpectedReturns
{
    /// <summary>Trading days in a year, the default annualization frequency.</summary>
    public const int TradingDaysPerYear = 252;

    /// <summary>PyPortfolioOpt's default span for the exponentially weighted mean.</summary>
    public const int DefaultSpan = 500;

    /// <summary>
    /// Mean historical return. Compounding (default): <c>(Π(1 + r_t))^(frequency / count) − 1</c> over each asset's own
    /// valid returns, i.e. the compound annual growth from its first to its last price. Otherwise the arithmetic mean of
    /// daily returns × frequency.
    /// </summary>
    public static double[] MeanHistorical(PriceTable prices, bool compounding = true, int frequency = TradingDaysPerYear) =>
        MeanHistorical(ReturnSeries.FromPrices(prices), compounding, frequency);

    /// <inheritdoc cref="MeanHistorical(PriceTable, bool, int)"/>
    public static double[] MeanHistorical(ReturnSeries returns, bool compounding = true, int frequency = TradingDaysPerYear)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var result = new double[returns.Assets];
        for (var i = 0; i < returns.Assets; i++)
        {
            var count = 0;
            var sum = 0.0;
            var growth = 1.0;
            foreach (var r in returns.Column(i))
            {
                if (double.IsNaN(r))
                {
                    continue;
                }

                count++;
                sum += r;
                growth *= 1 + r;
            }

            result[i] = count == 0 ? double.NaN : compounding ? Math.Pow(growth, (double)frequency / count) - 1 : sum / count * frequency;
        }

        return result;
    }

    /// <summary>
    /// Exponentially weighted mean of daily returns (α = 2 / (span + 1), weights by position, missing returns skipped,
    /// as pandas <c>ewm(span).mean()</c> at the last row), then <c>(1 + m)^frequency − 1</c> when compounding, else
    /// <c>m × frequency</c>.
    /// </summary>
    public static double[] ExponentiallyWeighted(PriceTable prices, double span = DefaultSpan, bool compounding = true, int frequency = TradingDaysPerYear)
    {
        var returns = ReturnSeries.FromPrices(prices);
        var alpha = 2 / (span + 1);
        var result = new double[returns.Assets];
        for (var i = 0; i < returns.Assets; i++)
        {
            var column = returns.Column(i);
            var weight = 1.0;
            var numerator = 0.0;
            var denominator = 0.0;
            for (var t = column.Length - 1; t >= 0; t--)
            {
                if (!double.IsNaN(column[t]))
                {
                    numerator += weight * column[t];
                    denominator += weight;
                }

                weight *= 1 - alpha;
            }

            var mean = numerator / denominator;
            result[i] = compounding ? Math.Pow(1 + mean, frequency) - 1 : mean * frequency;
        }

        return result;
    }
}
