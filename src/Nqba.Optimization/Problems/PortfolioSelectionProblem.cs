using System.Diagnostics;
using Google.OrTools.Sat;
using Nqba.Optimization.Model;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Problems;

/// <summary>
/// Choose exactly K of N assets (equal weights) maximizing <c>Σ μ_i x_i − λ Σ_ij Σ_ij x_i x_j</c>: expected return
/// minus risk aversion times the variance of the selection.
/// </summary>
public sealed class PortfolioSelectionProblem
{
    private const double ScoreScale = 1e6;
    private readonly double[] _mean;
    private readonly double[,] _covariance;

    /// <summary>Creates the problem.</summary>
    /// <param name="expectedReturn">μ, one entry per asset.</param>
    /// <param name="covariance">Σ, a symmetric N × N matrix.</param>
    /// <param name="count">K, how many assets to choose.</param>
    /// <param name="riskAversion">λ ≥ 0.</param>
    public PortfolioSelectionProblem(IReadOnlyList<double> expectedReturn, double[,] covariance, int count, double riskAversion)
    {
        ArgumentNullException.ThrowIfNull(expectedReturn);
        ArgumentNullException.ThrowIfNull(covariance);
        var n = expectedReturn.Count;
        if (covariance.GetLength(0) != n || covariance.GetLength(1) != n)
        {
            throw new ArgumentException($"The covariance matrix must be {n} x {n}.", nameof(covariance));
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (!double.IsFinite(covariance[i, j]) || Math.Abs(covariance[i, j] - covariance[j, i]) > 1e-9 * (1 + Math.Abs(covariance[i, j])))
                {
                    throw new ArgumentException("The covariance matrix must be finite and symmetric.", nameof(covariance));
                }
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, n);
        ArgumentOutOfRangeException.ThrowIfNegative(riskAversion);
        _mean = [.. expectedReturn];
        _covariance = (double[,])covariance.Clone();
        Count = count;
        RiskAversion = riskAversion;
    }

    /// <summary>N, the number of assets.</summary>
    public int Assets => _mean.Length;

    /// <summary>K, the number of assets to choose.</summary>
    public int Count { get; }

    /// <summary>λ, the risk aversion.</summary>
    public double RiskAversion { get; }

    /// <summary>Return minus λ · variance of a selection (1 = chosen).</summary>
    public double Score(IReadOnlyList<int> selected)
    {
        ArgumentNullException.ThrowIfNull(selected);
        var score = 0.0;
        for (var i = 0; i < Assets; i++)
        {
            if (selected[i] == 0)
            {
                continue;
            }

            score += _mean[i];
            for (var j = 0; j < Assets; j++)
            {
                if (selected[j] != 0)
                {
                    score -= RiskAversion * _covariance[i, j];
                }
            }
        }

        return score;
    }

    /// <summary>True when exactly K assets are chosen.</summary>
    public bool IsFeasible(IReadOnlyList<int> selected) => selected is not null && selected.Count == Assets && selected.Count(s => s == 1) == Count && selected.All(s => s is 0 or 1);

    /// <summary>The penalty model (minimizes −score) with an exactly-K constraint.</summary>
    public ConstrainedModel ToConstrainedModel()
    {
        var builder = new ConstrainedModelBuilder(Assets);
        for (var i = 0; i < Assets; i++)
        {
            builder.AddLinear(i, -_mean[i] + (RiskAversion * _covariance[i, i]));
            for (var j = i + 1; j < Assets; j++)
            {
                builder.AddQuadratic(i, j, 2 * RiskAversion * _covariance[i, j]);
            }
        }

        builder.AddExactlyK([.. Enumerable.Range(0, Assets)], Count, $"choose {Count} assets");
        return builder.Build();
    }

    /// <summary>Solves with OR-Tools CP-SAT (products linearized, coefficients rounded to 1e-6) within the time limit.</summary>
    public ProblemSolution SolveExact(TimeSpan timeLimit, int workers = 1, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var model = new CpModel();
        var x = Enumerable.Range(0, Assets).Select(i => model.NewBoolVar($"x{i}")).ToArray();
        model.Add(LinearExpr.Sum(x) == Count);
        var vars = new List<ILiteral>();
        var coefficients = new List<long>();
        for (var i = 0; i < Assets; i++)
        {
            vars.Add(x[i]);
            coefficients.Add((long)Math.Round((_mean[i] - (RiskAversion * _covariance[i, i])) * ScoreScale));
            for (var j = i + 1; j < Assets; j++)
            {
                var weight = (long)Math.Round(-2 * RiskAversion * _covariance[i, j] * ScoreScale);
                if (weight == 0)
                {
                    continue;
                }

                // y = x_i AND x_j; only the bound that the objective pushes against is needed.
                var y = model.NewBoolVar($"y{i}_{j}");
                if (weight > 0)
                {
                    model.AddImplication(y, x[i]);
                    model.AddImplication(y, x[j]);
                }
                else
                {
                    model.AddBoolOr([x[i].Not(), x[j].Not(), y]);
                }

                vars.Add(y);
                coefficients.Add(weight);
            }
        }

        model.Maximize(LinearExpr.WeightedSum(vars, coefficients));
        var (status, solver) = CpSatRunner.Solve(model, timeLimit, workers, 1, cancellationToken);
        var choice = new int[Assets];
        if (CpSatRunner.HasSolution(status))
        {
            for (var i = 0; i < Assets; i++)
            {
                choice[i] = solver.BooleanValue(x[i]) ? 1 : 0;
            }
        }

        var feasible = CpSatRunner.HasSolution(status) && IsFeasible(choice);
        return new ProblemSolution(choice, Score(choice), feasible, status == CpSolverStatus.Optimal, "cp-sat", clock.Elapsed);
    }

    /// <summary>Solves with a QUBO solver on the penalty model, then repairs and improves the answer.</summary>
    public ProblemSolution SolveWithAnnealer(ISolver solver, SolverOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var result = ToConstrainedModel().Solve(solver, options, cancellationToken);
        var choice = Array.ConvertAll(result.Decisions, b => (int)b);
        return new ProblemSolution(choice, Score(choice), result.Feasible && IsFeasible(choice), false, "annealer", clock.Elapsed);
    }

    /// <summary>Runs CP-SAT and the annealer side by side within <see cref="SolverOptions.TimeLimit"/> and returns the better feasible answer.</summary>
    public ProblemSolution Solve(SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Race.BestOf(
            ct => SolveExact(options.TimeLimit, 1, ct),
            ct => SolveWithAnnealer(SolverFactory.Create("auto"), options, ct),
            cancellationToken);
    }
}
