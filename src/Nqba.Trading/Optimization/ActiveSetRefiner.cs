using MathNet.Numerics.LinearAlgebra;

namespace Nqba.Trading.Optimization;

/// <summary>
/// Turns a first-order solver's approximate optimum into an exact one. The constraints the approximate point meets
/// (to <see cref="ActivityTolerance"/>) form a working set; the equality-constrained QP on that set is solved exactly
/// from its KKT system. If the result violates a constraint, the violated ones join the set; if a multiplier has the
/// wrong sign, that constraint leaves; repeated until the KKT conditions hold (a certified optimum up to rounding)
/// or <see cref="MaxIterations"/> runs out, in which case the caller keeps the solver's point.
/// </summary>
internal static class ActiveSetRefiner
{
    private const double ActivityTolerance = 1e-6;
    private const double FeasibilityTolerance = 1e-11;
    private const double MultiplierTolerance = 1e-11;
    private const int MaxIterations = 200;

    /// <summary>An LU solution whose relative residual exceeds this is replaced by the SVD least-squares one (singular KKT matrix).</summary>
    private const double LuResidualTolerance = 1e-9;

    public static (double[] X, int Iterations)? Refine(QuadraticProgram program, double[] start)
    {
        var m = program.Variables;
        var fixedAt = new double?[m];
        var rowAt = new double?[program.Rows.Count];
        for (var i = 0; i < m; i++)
        {
            if (program.Lower[i] == program.Upper[i] || Math.Abs(start[i] - program.Lower[i]) <= ActivityTolerance)
            {
                fixedAt[i] = program.Lower[i];
            }
            else if (Math.Abs(start[i] - program.Upper[i]) <= ActivityTolerance)
            {
                fixedAt[i] = program.Upper[i];
            }
        }

        for (var r = 0; r < program.Rows.Count; r++)
        {
            var row = program.Rows[r];
            var value = row.Evaluate(start);
            if (row.Lower == row.Upper || Math.Abs(value - row.Lower) <= ActivityTolerance)
            {
                rowAt[r] = row.Lower;
            }
            else if (Math.Abs(value - row.Upper) <= ActivityTolerance)
            {
                rowAt[r] = row.Upper;
            }
        }

        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var solved = SolveWorkingSet(program, program.Linear, fixedAt, rowAt, homogeneous: false);
            if (solved is null)
            {
                return null;
            }

            var (x, rowMultipliers, boundMultipliers) = solved.Value;
            if (AddViolated(program, x, fixedAt, rowAt))
            {
                continue;
            }

            if (DropWorstMultiplier(program, fixedAt, rowAt, rowMultipliers, boundMultipliers))
            {
                continue;
            }

            return (x, iteration);
        }

        return null;
    }

    /// <summary>
    /// Solves <c>min xᵀΣx + cᵀx</c> with the working set as equalities. With <paramref name="homogeneous"/> the fixed
    /// values and row targets are taken as zero (the direction of a parametric solve).
    /// </summary>
    public static (double[] X, double[] RowMultipliers, double[] BoundMultipliers)? SolveWorkingSet(
        QuadraticProgram program, double[] linear, double?[] fixedAt, double?[] rowAt, bool homogeneous)
    {
        var m = program.Variables;
        var n = program.Assets;
        var free = Enumerable.Range(0, m).Where(i => fixedAt[i] is null).ToArray();
        var active = Enumerable.Range(0, program.Rows.Count).Where(r => rowAt[r] is not null).ToArray();
        var x = new double[m];
        for (var i = 0; i < m; i++)
        {
            x[i] = homogeneous ? 0 : fixedAt[i] ?? 0;
        }

        var size = free.Length + active.Length;
        var kkt = Matrix<double>.Build.Dense(size, size);
        var rhs = Vector<double>.Build.Dense(size);
        for (var a = 0; a < free.Length; a++)
        {
            var i = free[a];
            var gradient = linear[i];
            for (var j = 0; j < n && i < n; j++)
            {
                gradient += 2 * program.Covariance[i, j] * (fixedAt[j] is null ? 0 : x[j]);
            }

            rhs[a] = -gradient;
            for (var b = 0; b < free.Length; b++)
            {
                var j = free[b];
                kkt[a, b] = i < n && j < n ? 2 * program.Covariance[i, j] : 0;
            }

            for (var k = 0; k < active.Length; k++)
            {
                kkt[a, free.Length + k] = -program.Rows[active[k]].Coefficients[i];
            }
        }

        for (var k = 0; k < active.Length; k++)
        {
            var row = program.Rows[active[k]];
            var target = homogeneous ? 0 : rowAt[active[k]]!.Value;
            for (var i = 0; i < m; i++)
            {
                if (fixedAt[i] is not null)
                {
                    target -= row.Coefficients[i] * x[i];
                }
            }

            rhs[free.Length + k] = target;
            for (var b = 0; b < free.Length; b++)
            {
                kkt[free.Length + k, b] = row.Coefficients[free[b]];
            }
        }

        var solution = kkt.LU().Solve(rhs);
        if (!solution.ForAll(double.IsFinite) || (kkt * solution - rhs).InfinityNorm() > LuResidualTolerance * Math.Max(1, rhs.InfinityNorm()))
        {
            // Redundant working-set rows make the KKT matrix singular; the least-squares solution is still exact then.
            solution = kkt.Svd().Solve(rhs);
            if (!solution.ForAll(double.IsFinite))
            {
                return null;
            }
        }

        for (var a = 0; a < free.Length; a++)
        {
            x[free[a]] = solution[a];
        }

        var rowMultipliers = new double[program.Rows.Count];
        for (var k = 0; k < active.Length; k++)
        {
            rowMultipliers[active[k]] = solution[free.Length + k];
        }

        var boundMultipliers = new double[m];
        for (var i = 0; i < m; i++)
        {
            if (fixedAt[i] is null)
            {
                continue;
            }

            var gradient = linear[i];
            for (var j = 0; j < n && i < n; j++)
            {
                gradient += 2 * program.Covariance[i, j] * x[j];
            }

            for (var k = 0; k < active.Length; k++)
            {
                gradient -= rowMultipliers[active[k]] * program.Rows[active[k]].Coefficients[i];
            }

            boundMultipliers[i] = gradient;
        }

        return (x, rowMultipliers, boundMultipliers);
    }

    private static bool AddViolated(QuadraticProgram program, double[] x, double?[] fixedAt, double?[] rowAt)
    {
        var added = false;
        for (var i = 0; i < program.Variables; i++)
        {
            if (fixedAt[i] is null && x[i] < program.Lower[i] - FeasibilityTolerance)
            {
                fixedAt[i] = program.Lower[i];
                added = true;
            }
            else if (fixedAt[i] is null && x[i] > program.Upper[i] + FeasibilityTolerance)
            {
                fixedAt[i] = program.Upper[i];
                added = true;
            }
        }

        for (var r = 0; r < program.Rows.Count; r++)
        {
            var row = program.Rows[r];
            var value = row.Evaluate(x);
            var scale = FeasibilityTolerance * Math.Max(1, Math.Abs(value));
            if (rowAt[r] is null && value < row.Lower - scale)
            {
                rowAt[r] = row.Lower;
                added = true;
            }
            else if (rowAt[r] is null && value > row.Upper + scale)
            {
                rowAt[r] = row.Upper;
                added = true;
            }
        }

        return added;
    }

    private static bool DropWorstMultiplier(QuadraticProgram program, double?[] fixedAt, double?[] rowAt, double[] rowMultipliers, double[] boundMultipliers)
    {
        // Stationarity is ∇f = Σ ν_r a_r + ρ: a constraint held at its lower bound needs ν, ρ ≥ 0; at its upper bound ≤ 0.
        var worst = MultiplierTolerance;
        (bool IsRow, int Index)? drop = null;
        for (var i = 0; i < program.Variables; i++)
        {
            if (fixedAt[i] is not { } value || program.Lower[i] == program.Upper[i])
            {
                continue;
            }

            var wrong = value == program.Lower[i] ? -boundMultipliers[i] : boundMultipliers[i];
            if (wrong > worst)
            {
                worst = wrong;
                drop = (false, i);
            }
        }

        for (var r = 0; r < program.Rows.Count; r++)
        {
            var row = program.Rows[r];
            if (rowAt[r] is not { } value || row.Lower == row.Upper)
            {
                continue;
            }

            var wrong = value == row.Lower ? -rowMultipliers[r] : rowMultipliers[r];
            if (wrong > worst)
            {
                worst = wrong;
                drop = (true, r);
            }
        }

        if (drop is not { } chosen)
        {
            return false;
        }

        if (chosen.IsRow)
        {
            rowAt[chosen.Index] = null;
        }
        else
        {
            fixedAt[chosen.Index] = null;
        }

        return true;
    }
}
