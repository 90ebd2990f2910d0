namespace Nqba.Trading.Optimization;

/// <summary>
/// <c>minimize xₐᵀ Σ xₐ + cᵀx</c> subject to variable bounds, linear rows and optionally <c>xₐᵀ Σ xₐ ≤ VarianceLimit</c>,
/// where xₐ are the first <c>Σ.Rows</c> variables (the assets) and any further variables (the max-Sharpe scale κ) have
/// no quadratic term.
/// </summary>
internal sealed record QuadraticProgram(double[,] Covariance, double[] Linear, double[] Lower, double[] Upper, IReadOnlyList<LinearRow> Rows, double? VarianceLimit = null)
{
    /// <summary>F with Σ = F Fᵀ, when the caller already has it (an optimizer reuses one factor for all its solves).</summary>
    public MathNet.Numerics.LinearAlgebra.Matrix<double>? Factor { get; init; }

    public int Variables => Linear.Length;

    public int Assets => Covariance.GetLength(0);

    public double Variance(ReadOnlySpan<double> x)
    {
        var n = Assets;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < n; j++)
            {
                row += Covariance[i, j] * x[j];
            }

            sum += x[i] * row;
        }

        return sum;
    }

    public double Objective(ReadOnlySpan<double> x)
    {
        var value = Variance(x);
        for (var i = 0; i < Linear.Length; i++)
        {
            value += Linear[i] * x[i];
        }

        return value;
    }

    /// <summary>The largest violation of a bound or row (0 when feasible).</summary>
    public double MaxViolation(ReadOnlySpan<double> x)
    {
        var worst = 0.0;
        for (var i = 0; i < Variables; i++)
        {
            worst = Math.Max(worst, Math.Max(Lower[i] - x[i], x[i] - Upper[i]));
        }

        foreach (var row in Rows)
        {
            var value = row.Evaluate(x);
            worst = Math.Max(worst, Math.Max(row.Lower - value, value - row.Upper));
        }

        return worst;
    }
}
