using MathNet.Numerics.LinearAlgebra;
using Nqba.Trading.Data;

namespace Nqba.Trading.Estimation;

/// <summary>Covariance estimators with PyPortfolioOpt's (and scikit-learn's) definitions.</summary>
public static class RiskModels
{
    /// <summary>Eigenvalues below −this × the largest one count as a real violation of positive semidefiniteness.</summary>
    private const double NegativeEigenvalueTolerance = 1e-12;

    /// <summary>
    /// Sample covariance of daily simple returns over pairwise-complete observations (each pair uses the days both
    /// assets have a return; divisor count − 1), × <paramref name="frequency"/>, as pandas <c>DataFrame.cov</c>. When the
    /// result is not positive semidefinite (possible with pairwise data), it is fixed with <see cref="FixNonPositiveSemidefinite"/>.
    /// </summary>
    public static CovarianceEstimate SampleCovariance(PriceTable prices, int frequency = ExpectedReturns.TradingDaysPerYear) =>
        SampleCovariance(ReturnSeries.FromPrices(prices), frequency);

    /// <inheritdoc cref="SampleCovariance(PriceTable, int)"/>
    public static CovarianceEstimate SampleCovariance(ReturnSeries returns, int frequency = ExpectedReturns.TradingDaysPerYear)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var n = returns.Assets;
        var cov = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var value = PairwiseCovariance(returns.Column(i), returns.Column(j)) * frequency;
                cov[i, j] = value;
                cov[j, i] = value;
            }
        }

        var fixedMatrix = FixNonPositiveSemidefinite(cov, out var wasFixed);
        return new CovarianceEstimate(fixedMatrix, wasFixed);
    }

    /// <summary>
    /// Ledoit-Wolf shrinkage towards a constant-variance target <c>μI</c> (μ = mean sample variance), as scikit-learn's <c>ledoit_wolf</c> (maximum-likelihood covariance, divisor n) used by
    /// PyPortfolioOpt's <c>CovarianceShrinkage.ledoit_wolf</c>; annualized × <paramref name="frequency"/>. As there, every
    /// day with at least one return is used and a missing return counts as 0 (numpy's <c>nan_to_num</c>).
    /// </summary>
    public static CovarianceEstimate LedoitWolf(PriceTable prices, int frequency = ExpectedReturns.TradingDaysPerYear)
    {
        var returns = ReturnSeries.FromPrices(prices);
        var p = returns.Assets;
        var count = returns.Rows;
        var x = Matrix<double>.Build.Dense(count, p, (r, c) => double.IsNaN(returns.Column(c)[r]) ? 0 : returns.Column(c)[r]);
        for (var c = 0; c < p; c++)
        {
            var mean = x.Column(c).Average();
            for (var r = 0; r < count; r++)
            {
                x[r, c] -= mean;
            }
        }

        var x2 = x.PointwisePower(2);
        var empiricalTrace = x2.ColumnSums() / count;
        var mu = empiricalTrace.Sum() / p;
        var betaSum = (x2.TransposeThisAndMultiply(x2)).Enumerate().Sum();
        var xtx = x.TransposeThisAndMultiply(x);
        var deltaSum = xtx.PointwisePower(2).Enumerate().Sum() / ((double)count * count);
        var beta = 1.0 / (p * count) * ((betaSum / count) - deltaSum);
        var delta = (deltaSum - (2 * mu * empiricalTrace.Sum()) + (p * mu * mu)) / p;
        beta = Math.Min(beta, delta);
        var shrinkage = beta == 0 ? 0 : beta / delta;
        var shrunk = xtx / count * (1 - shrinkage);
        var result = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                result[i, j] = (shrunk[i, j] + (i == j ? shrinkage * mu : 0)) * frequency;
            }
        }

        return new CovarianceEstimate(result, false, shrinkage);
    }

    /// <summary>
    /// Makes a symmetric matrix positive semidefinite by the spectral method (PyPortfolioOpt's default): eigenvalues
    /// below zero are set to zero and the matrix is rebuilt from the eigenvectors. Returns the input unchanged when it
    /// already is (smallest eigenvalue ≥ −1e-12 × largest).
    /// </summary>
    public static double[,] FixNonPositiveSemidefinite(double[,] matrix, out bool wasFixed)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        var evd = m.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Real();
        var largest = Math.Max(values.AbsoluteMaximum(), double.Epsilon);
        if (values.Minimum() >= -NegativeEigenvalueTolerance * largest)
        {
            wasFixed = false;
            return (double[,])matrix.Clone();
        }

        wasFixed = true;
        var clipped = Matrix<double>.Build.DiagonalOfDiagonalVector(values.Map(v => Math.Max(v, 0)));
        var fixedMatrix = evd.EigenVectors * clipped * evd.EigenVectors.Transpose();
        var n = matrix.GetLength(0);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i, j] = 0.5 * (fixedMatrix[i, j] + fixedMatrix[j, i]);
            }
        }

        return result;
    }

    /// <summary>Pairwise-complete sample covariance of two series (NaN when fewer than two common observations).</summary>
    internal static double PairwiseCovariance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var count = 0;
        double meanA = 0, meanB = 0;
        for (var t = 0; t < a.Length; t++)
        {
            if (!double.IsNaN(a[t]) && !double.IsNaN(b[t]))
            {
                count++;
                meanA += a[t];
                meanB += b[t];
            }
        }

        if (count < 2)
        {
            return double.NaN;
        }

        meanA /= count;
        meanB /= count;
        var sum = 0.0;
        for (var t = 0; t < a.Length; t++)
        {
            if (!double.IsNaN(a[t]) && !double.IsNaN(b[t]))
            {
                sum += (a[t] - meanA) * (b[t] - meanB);
            }
        }

        return sum / (count - 1);
    }
}
