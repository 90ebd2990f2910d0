using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Model;

/// <summary>
/// An objective over binary decision variables with linear constraints, and the penalty model that encodes them:
/// <c>objective + P · Σ_c (Σ a x + slack − bound)²</c>, with binary-encoded slack variables after the decision variables.
/// Solutions of the penalty model are checked (<see cref="IsFeasible"/>) and repaired (<see cref="Repair"/>).
/// </summary>
public sealed class ConstrainedModel
{
    private const double Tolerance = 1e-9;
    private readonly int[][] _constraintsOf;

    internal ConstrainedModel(BinaryQuadraticModel objective, IReadOnlyList<LinearConstraint> constraints, double? penaltyWeight)
    {
        Objective = objective;
        Constraints = constraints;
        var n = objective.VariableCount;
        var lists = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (var c = 0; c < constraints.Count; c++)
        {
            foreach (var v in constraints[c].Variables)
            {
                lists[v].Add(c);
            }
        }

        _constraintsOf = Array.ConvertAll(lists, l => l.ToArray());
        PenaltyWeight = penaltyWeight ?? AutomaticPenalty(objective, _constraintsOf.Any(l => l.Length > 1));
        if (!(PenaltyWeight > 0) || !double.IsFinite(PenaltyWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(penaltyWeight), penaltyWeight, "The penalty weight must be a positive finite number.");
        }

        Model = BuildPenaltyModel();
    }

    /// <summary>The objective alone, over the decision variables.</summary>
    public BinaryQuadraticModel Objective { get; }

    /// <summary>The constraints.</summary>
    public IReadOnlyList<LinearConstraint> Constraints { get; }

    /// <summary>The number of decision variables (the first variables of <see cref="Model"/>).</summary>
    public int DecisionVariables => Objective.VariableCount;

    /// <summary>
    /// The penalty multiplier P. Chosen automatically as the most one variable can change the objective
    /// (<c>max_i |a_i| + Σ_j |b_ij|</c>), doubled when variables share constraints (a repair may then need two flips),
    /// plus a small margin: every infeasible state then has a feasible neighbour of lower penalized objective, so
    /// the penalized optimum is feasible, while the landscape is no steeper than that argument requires.
    /// </summary>
    public double PenaltyWeight { get; }

    /// <summary>The penalty model to hand to a solver (decision variables first, then slack variables).</summary>
    public BinaryQuadraticModel Model { get; }

    /// <summary>The objective (without penalties) of a decision vector.</summary>
    public double EvaluateObjective(ReadOnlySpan<byte> decisions) => Objective.Evaluate(decisions[..DecisionVariables]);

    /// <summary>True when every constraint holds for the decision vector.</summary>
    public bool IsFeasible(ReadOnlySpan<byte> decisions)
    {
        foreach (var constraint in Constraints)
        {
            if (!constraint.IsSatisfied(decisions))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes each violated constraint, e.g. <c>one-hot item 3: 2 is outside [1, 1]</c>.</summary>
    public IReadOnlyList<string> Violations(ReadOnlySpan<byte> decisions)
    {
        var violations = new List<string>();
        foreach (var constraint in Constraints)
        {
            if (!constraint.IsSatisfied(decisions))
            {
                violations.Add(FormattableString.Invariant($"{constraint.Name}: {constraint.Activity(decisions)} is outside [{constraint.Lower}, {constraint.Upper}]"));
            }
        }

        return violations;
    }

    /// <summary>
    /// Makes a solution feasible where it can: drops the cheapest variables from over-full constraints, adds the
    /// cheapest admissible ones to under-full constraints, then improves greedily with feasibility-preserving
    /// flips and swaps inside equality constraints. Slack values in the input are ignored.
    /// </summary>
    /// <returns>A new decision vector (length <see cref="DecisionVariables"/>).</returns>
    public byte[] Repair(ReadOnlySpan<byte> solution)
    {
        var x = solution[..DecisionVariables].ToArray();
        var activity = Constraints.Select(c => c.Activity(x)).ToArray();

        // Over-full constraints: remove the variable whose removal costs least.
        for (var c = 0; c < Constraints.Count; c++)
        {
            while (activity[c] > Constraints[c].Upper + Tolerance)
            {
                var best = Cheapest(x, Constraints[c], value: 1, activity, mustFit: false);
                if (best < 0)
                {
                    break;
                }

                Flip(x, best, activity);
            }
        }

        // Under-full constraints: add the cheapest variable that keeps its other constraints within bounds.
        for (var c = 0; c < Constraints.Count; c++)
        {
            while (activity[c] < Constraints[c].Lower - Tolerance)
            {
                var best = Cheapest(x, Constraints[c], value: 0, activity, mustFit: true);
                if (best < 0)
                {
                    best = Cheapest(x, Constraints[c], value: 0, activity, mustFit: false);
                }

                if (best < 0)
                {
                    break;
                }

                Flip(x, best, activity);
            }
        }

        Improve(x, activity);
        return x;
    }

    /// <summary>Solves the penalty model, then repairs and improves the answer.</summary>
    /// <param name="solver">The solver.</param>
    /// <param name="options">Options; <c>Target</c> applies to the penalized objective.</param>
    /// <param name="cancellationToken">Stops early with the best found so far.</param>
    public ConstrainedSolveResult Solve(ISolver solver, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(solver);
        var raw = solver.Solve(Model, options, cancellationToken);
        var decisions = Repair(raw.Solution);
        return new ConstrainedSolveResult(decisions, EvaluateObjective(decisions), IsFeasible(decisions), Violations(decisions), raw);
    }

    private static double AutomaticPenalty(BinaryQuadraticModel objective, bool overlapping)
    {
        var influence = 0.0;
        for (var i = 0; i < objective.VariableCount; i++)
        {
            var (_, weights) = objective.GetRow(i);
            var sum = Math.Abs(objective.Linear[i]);
            foreach (var w in weights.Span)
            {
                sum += Math.Abs(w);
            }

            influence = Math.Max(influence, sum);
        }

        if (influence == 0)
        {
            return 1.0;
        }

        return (overlapping ? 2 : 1) * influence * (1 + 1e-6);
    }

    private BinaryQuadraticModel BuildPenaltyModel()
    {
        var slackCount = 0;
        var slackBits = new List<double[]>();
        foreach (var constraint in Constraints)
        {
            var bits = SlackCoefficients(constraint);
            slackBits.Add(bits);
            slackCount += bits.Length;
        }

        var n = DecisionVariables;
        var builder = new BinaryQuadraticModelBuilder(n + slackCount, Vartype.Binary);
        builder.AddOffset(Objective.Offset);
        for (var i = 0; i < n; i++)
        {
            builder.AddLinear(i, Objective.Linear[i]);
        }

        foreach (var term in Objective.Interactions())
        {
            builder.AddQuadratic(term.I, term.J, term.Weight);
        }

        var nextSlack = n;
        for (var c = 0; c < Constraints.Count; c++)
        {
            var constraint = Constraints[c];
            if (IsAlwaysSatisfied(constraint))
            {
                continue;
            }

            var indices = new List<int>(constraint.Variables);
            var coefficients = new List<double>(constraint.Coefficients);
            var bits = slackBits[c];
            if (constraint.Lower == 0 && constraint.Upper == 1 && constraint.Coefficients.All(a => a == 1))
            {
                // At most one: P Σ_{k<l} x_k x_l is exact and needs no slack.
                for (var k = 0; k < indices.Count; k++)
                {
                    for (var l = k + 1; l < indices.Count; l++)
                    {
                        builder.AddQuadratic(indices[k], indices[l], PenaltyWeight);
                    }
                }

                continue;
            }

            foreach (var coefficient in bits)
            {
                indices.Add(nextSlack++);
                coefficients.Add(coefficient);
            }

            // P (Σ c z − T)² = P [Σ (c² − 2Tc) z + 2 Σ_{k<l} c_k c_l z_k z_l + T²], using z² = z.
            var target = constraint.Upper;
            builder.AddOffset(PenaltyWeight * target * target);
            for (var k = 0; k < indices.Count; k++)
            {
                var ck = coefficients[k];
                builder.AddLinear(indices[k], PenaltyWeight * ((ck * ck) - (2 * target * ck)));
                for (var l = k + 1; l < indices.Count; l++)
                {
                    builder.AddQuadratic(indices[k], indices[l], 2 * PenaltyWeight * ck * coefficients[l]);
                }
            }
        }

        return builder.Build();
    }

    private static bool IsAlwaysSatisfied(LinearConstraint constraint) =>
        constraint.Lower <= 0 && constraint.Upper >= constraint.Coefficients.Where(a => a > 0).Sum();

    /// <summary>Binary slack coefficients covering exactly [0, Upper − Lower] for inequalities; none for equalities.</summary>
    private static double[] SlackCoefficients(LinearConstraint constraint)
    {
        if (constraint.Lower == constraint.Upper || IsAlwaysSatisfied(constraint)
            || (constraint.Lower == 0 && constraint.Upper == 1 && constraint.Coefficients.All(a => a == 1)))
        {
            return [];
        }

        if (constraint.Lower != 0)
        {
            throw new NotSupportedException($"Constraint '{constraint.Name}': inequalities must have a lower bound of 0.");
        }

        var range = (long)constraint.Upper;
        var bits = new List<double>();
        long covered = 0, power = 1;
        while (covered + power <= range)
        {
            bits.Add(power);
            covered += power;
            power *= 2;
        }

        if (covered < range)
        {
            bits.Add(range - covered);
        }

        return [.. bits];
    }

    private double FlipDelta(byte[] x, int i)
    {
        var (neighbors, weights) = Objective.GetRow(i);
        var sum = Objective.Linear[i];
        var ns = neighbors.Span;
        var ws = weights.Span;
        for (var k = 0; k < ns.Length; k++)
        {
            sum += ws[k] * x[ns[k]];
        }

        return x[i] == 1 ? -sum : sum;
    }

    private void Flip(byte[] x, int i, double[] activity)
    {
        var sign = x[i] == 1 ? -1.0 : 1.0;
        x[i] ^= 1;
        foreach (var c in _constraintsOf[i])
        {
            activity[c] += sign * Coefficient(Constraints[c], i);
        }
    }

    private static double Coefficient(LinearConstraint constraint, int variable)
    {
        for (var k = 0; k < constraint.Variables.Count; k++)
        {
            if (constraint.Variables[k] == variable)
            {
                return constraint.Coefficients[k];
            }
        }

        return 0.0;
    }

    /// <summary>True when flipping <paramref name="i"/> (and optionally <paramref name="j"/>) keeps every constraint of theirs within bounds.</summary>
    private bool FlipKeepsFeasible(byte[] x, int i, int j, double[] activity)
    {
        foreach (var c in _constraintsOf[i])
        {
            var change = (x[i] == 1 ? -1 : 1) * Coefficient(Constraints[c], i);
            if (j >= 0 && Array.IndexOf(_constraintsOf[j], c) >= 0)
            {
                change += (x[j] == 1 ? -1 : 1) * Coefficient(Constraints[c], j);
            }

            var after = activity[c] + change;
            if (after < Constraints[c].Lower - Tolerance || after > Constraints[c].Upper + Tolerance)
            {
                return false;
            }
        }

        if (j >= 0)
        {
            foreach (var c in _constraintsOf[j])
            {
                if (Array.IndexOf(_constraintsOf[i], c) >= 0)
                {
                    continue;
                }

                var after = activity[c] + ((x[j] == 1 ? -1 : 1) * Coefficient(Constraints[c], j));
                if (after < Constraints[c].Lower - Tolerance || after > Constraints[c].Upper + Tolerance)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private int Cheapest(byte[] x, LinearConstraint constraint, int value, double[] activity, bool mustFit)
    {
        var best = -1;
        var bestDelta = double.PositiveInfinity;
        foreach (var v in constraint.Variables)
        {
            if (x[v] != value || (mustFit && !FitsElsewhere(x, v, constraint, activity)))
            {
                continue;
            }

            var delta = FlipDelta(x, v);
            if (delta < bestDelta)
            {
                bestDelta = delta;
                best = v;
            }
        }

        return best;
    }

    private bool FitsElsewhere(byte[] x, int v, LinearConstraint except, double[] activity)
    {
        foreach (var c in _constraintsOf[v])
        {
            if (ReferenceEquals(Constraints[c], except))
            {
                continue;
            }

            var after = activity[c] + ((x[v] == 1 ? -1 : 1) * Coefficient(Constraints[c], v));
            if (after > Constraints[c].Upper + Tolerance)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Greedy descent with feasibility-preserving single flips and swaps inside constraints.</summary>
    private void Improve(byte[] x, double[] activity)
    {
        if (!IsFeasible(x))
        {
            return;
        }

        var n = DecisionVariables;
        for (var pass = 0; pass < 100; pass++)
        {
            var improved = false;
            for (var i = 0; i < n; i++)
            {
                if (FlipDelta(x, i) < -Tolerance && FlipKeepsFeasible(x, i, -1, activity))
                {
                    Flip(x, i, activity);
                    improved = true;
                }
            }

            foreach (var constraint in Constraints)
            {
                foreach (var i in constraint.Variables)
                {
                    if (x[i] != 1)
                    {
                        continue;
                    }

                    var di = FlipDelta(x, i);
                    var bestJ = -1;
                    var bestDelta = -Tolerance;
                    foreach (var j in constraint.Variables)
                    {
                        if (x[j] != 0)
                        {
                            continue;
                        }

                        var delta = di + FlipDelta(x, j) - Objective.GetQuadratic(i, j);
                        if (delta < bestDelta && FlipKeepsFeasible(x, i, j, activity))
                        {
                            bestDelta = delta;
                            bestJ = j;
                        }
                    }

                    if (bestJ >= 0)
                    {
                        Flip(x, i, activity);
                        Flip(x, bestJ, activity);
                        improved = true;
                        break;
                    }
                }
            }

            if (!improved)
            {
                return;
            }
        }
    }
}
