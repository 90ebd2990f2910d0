namespace Nqba.Optimization.Model;

/// <summary>A linear constraint <c>Lower ≤ Σ Coefficients[k] · x[Variables[k]] ≤ Upper</c> over binary decision variables.</summary>
/// <param name="Name">A label used in violation messages.</param>
/// <param name="Variables">The 0-based decision variables.</param>
/// <param name="Coefficients">One coefficient per variable (non-negative integers for inequalities).</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public sealed record LinearConstraint(string Name, IReadOnlyList<int> Variables, IReadOnlyList<double> Coefficients, double Lower, double Upper)
{
    /// <summary>The left-hand side for a solution.</summary>
    public double Activity(ReadOnlySpan<byte> decisions)
    {
        var sum = 0.0;
        for (var k = 0; k < Variables.Count; k++)
        {
            sum += Coefficients[k] * decisions[Variables[k]];
        }

        return sum;
    }

    /// <summary>True when the solution satisfies the constraint.</summary>
    public bool IsSatisfied(ReadOnlySpan<byte> decisions)
    {
        var activity = Activity(decisions);
        return activity >= Lower - 1e-9 && activity <= Upper + 1e-9;
    }
}
