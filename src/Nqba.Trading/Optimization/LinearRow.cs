namespace Nqba.Trading.Optimization;

/// <summary>A linear constraint <c>Lower ≤ aᵀx ≤ Upper</c> over all variables of a <see cref="QuadraticProgram"/> (equality when the bounds are equal).</summary>
internal sealed record LinearRow(double[] Coefficients, double Lower, double Upper, string Name)
{
    public double Evaluate(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < Coefficients.Length; i++)
        {
            sum += Coefficients[i] * x[i];
        }

        return sum;
    }
}
