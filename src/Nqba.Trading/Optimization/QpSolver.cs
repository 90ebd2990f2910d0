using System.Diagnostics;

namespace Nqba.Trading.Optimization;

/// <summary>Backend solve (PDLP, or SCIP when the programme has a variance limit) followed by the exact active-set refinement.</summary>
internal static class QpSolver
{
    /// <summary>The backend point is accepted unrefined only when it violates no constraint by more than this.</summary>
    private const double BackendFeasibility = 1e-6;

    /// <summary>A refined point is kept when it violates no constraint by more than this (rounding in the KKT solve).</summary>
    private const double RefinedFeasibility = 1e-9;

    public static (double[] X, QpSolveOutcome Outcome)? Solve(QuadraticProgram program)
    {
        var clock = Stopwatch.StartNew();
        var useScip = program.VarianceLimit is not null;
        var start = OrToolsBackend.Solve(program, useScip);
        if (start is null || program.MaxViolation(start) > BackendFeasibility)
        {
            return null;
        }

        var name = useScip ? "scip" : "pdlp";
        var refined = useScip ? RefineVarianceLimited(program, start) : ActiveSetRefiner.Refine(program, start);
        if (refined is { } exact && program.MaxViolation(exact.X) <= RefinedFeasibility)
        {
            return (exact.X, new QpSolveOutcome(name, true, program.MaxViolation(exact.X), exact.Iterations, clock.Elapsed));
        }

        return (start, new QpSolveOutcome(name, false, program.MaxViolation(start), 0, clock.Elapsed));
    }

    /// <summary>
    /// For <c>min cᵀx s.t. xᵀΣx ≤ v</c> with SCIP's working set W: the optimum lies on the curve
    /// <c>x(t) = argmin tᵀ-weighted {xᵀΣx + t cᵀx : W}</c> = x₀ + t·x₁ (affine in t, two KKT solves), and t is the
    /// positive root of <c>x(t)ᵀΣx(t) = v</c>.
    /// </summary>
    private static (double[] X, int Iterations)? RefineVarianceLimited(QuadraticProgram program, double[] start)
    {
        const double activity = 1e-6;
        var m = program.Variables;
        var fixedAt = new double?[m];
        var rowAt = new double?[program.Rows.Count];
        for (var i = 0; i < m; i++)
        {
            if (program.Lower[i] == program.Upper[i] || Math.Abs(start[i] - program.Lower[i]) <= activity)
            {
                fixedAt[i] = program.Lower[i];
            }
            else if (Math.Abs(start[i] - program.Upper[i]) <= activity)
            {
                fixedAt[i] = program.Upper[i];
            }
        }

        for (var r = 0; r < program.Rows.Count; r++)
        {
            var row = program.Rows[r];
            var value = row.Evaluate(start);
            if (row.Lower == row.Upper || Math.Abs(value - row.Lower) <= activity)
            {
                rowAt[r] = row.Lower;
            }
            else if (Math.Abs(value - row.Upper) <= activity)
            {
                rowAt[r] = row.Upper;
            }
        }

        var zero = new double[m];
        var baseline = ActiveSetRefiner.SolveWorkingSet(program, zero, fixedAt, rowAt, homogeneous: false);
        var direction = ActiveSetRefiner.SolveWorkingSet(program, program.Linear, fixedAt, rowAt, homogeneous: true);
        if (baseline is null || direction is null)
        {
            return null;
        }

        var x0 = baseline.Value.X;
        var x1 = direction.Value.X;
        var a = program.Variance(x1);
        var b = 2 * Covariance(program, x0, x1);
        var c = program.Variance(x0) - program.VarianceLimit!.Value;
        var discriminant = (b * b) - (4 * a * c);
        if (a <= 0 || discriminant < 0)
        {
            return null;
        }

        var t = (-b + Math.Sqrt(discriminant)) / (2 * a);
        var x = new double[m];
        for (var i = 0; i < m; i++)
        {
            x[i] = x0[i] + (t * x1[i]);
        }

        return (x, 0);
    }

    private static double Covariance(QuadraticProgram program, double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < program.Assets; i++)
        {
            for (var j = 0; j < program.Assets; j++)
            {
                sum += x[i] * program.Covariance[i, j] * y[j];
            }
        }

        return sum;
    }
}
