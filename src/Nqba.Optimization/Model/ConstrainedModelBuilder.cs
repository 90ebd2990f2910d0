namespace Nqba.Optimization.Model;

/// <summary>
/// Builds a penalty model: a quadratic objective over binary decision variables (to minimize) plus linear
/// constraints (one-hot, exactly-k, at-most-k, capacity), turned into quadratic penalties with binary slack
/// variables where needed.
/// </summary>
public sealed class ConstrainedModelBuilder
{
    private readonly BinaryQuadraticModelBuilder _objective;
    private readonly List<LinearConstraint> _constraints = [];

    /// <summary>Creates a builder over <paramref name="decisionVariables"/> binary variables.</summary>
    public ConstrainedModelBuilder(int decisionVariables)
    {
        _objective = new BinaryQuadraticModelBuilder(decisionVariables, Vartype.Binary);
    }

    /// <summary>The number of decision variables.</summary>
    public int DecisionVariables => _objective.VariableCount;

    /// <summary>Adds <c>weight · x_i</c> to the objective.</summary>
    /// <returns>This builder.</returns>
    public ConstrainedModelBuilder AddLinear(int i, double weight)
    {
        _objective.AddLinear(i, weight);
        return this;
    }

    /// <summary>Adds <c>weight · x_i · x_j</c> to the objective.</summary>
    /// <returns>This builder.</returns>
    public ConstrainedModelBuilder AddQuadratic(int i, int j, double weight)
    {
        _objective.AddQuadratic(i, j, weight);
        return this;
    }

    /// <summary>Adds a constant to the objective.</summary>
    /// <returns>This builder.</returns>
    public ConstrainedModelBuilder AddOffset(double value)
    {
        _objective.AddOffset(value);
        return this;
    }

    /// <summary>Exactly one of <paramref name="variables"/> is 1.</summary>
    /// <returns>This builder.</returns>
    public ConstrainedModelBuilder AddOneHot(IReadOnlyList<int> variables, string? name = null) =>
        AddExactlyK(variables, 1, name ?? $"one-hot #{_constraints.Count}");

    /// <summary>Exactly <paramref name="k"/> of <paramref name="variables"/> are 1.</summary>
    /// <returns>This builder.</returns>
    public ConstrainedModelBuilder AddExactlyK(IReadOnlyList<int> variables, int k, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return Add(new LinearConstraint(name ?? $"exactly-{k} #{_constraints.Count}", [.. variables], Ones(variables.Count), k, k));
    }

    /// <summary>At most <paramref name="k"/> of <paramref name="variables"/> are 1.</summary>
    /// <returns>This builder.</returns>
    public ConstrainedModelBuilder AddAtMostK(IReadOnlyList<int> variables, int k, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return Add(new LinearConstraint(name ?? $"at-most-{k} #{_constraints.Count}", [.. variables], Ones(variables.Count), 0, k));
    }

    /// <summary><c>Σ weights[k] · x[variables[k]] ≤ capacity</c>, with non-negative integer weights and capacity.</summary>
    /// <returns>This builder.</returns>
    public ConstrainedModelBuilder AddCapacity(IReadOnlyList<int> variables, IReadOnlyList<double> weights, double capacity, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != variables.Count)
        {
            throw new ArgumentException("One weight per variable is required.", nameof(weights));
        }

        if (weights.Any(w => w < 0 || Math.Floor(w) != w) || capacity < 0 || Math.Floor(capacity) != capacity)
        {
            throw new ArgumentException("Capacity constraints need non-negative integer weights and capacity.", nameof(weights));
        }

        return Add(new LinearConstraint(name ?? $"capacity #{_constraints.Count}", [.. variables], [.. weights], 0, capacity));
    }

    /// <summary>Builds the penalty model.</summary>
    /// <param name="penaltyWeight">The penalty multiplier; null chooses it automatically (see <see cref="ConstrainedModel.PenaltyWeight"/>).</param>
    public ConstrainedModel Build(double? penaltyWeight = null) => new(_objective.Build(), [.. _constraints], penaltyWeight);

    private ConstrainedModelBuilder Add(LinearConstraint constraint)
    {
        ArgumentNullException.ThrowIfNull(constraint.Variables);
        foreach (var v in constraint.Variables)
        {
            if ((uint)v >= (uint)DecisionVariables)
            {
                throw new ArgumentOutOfRangeException(nameof(constraint), v, $"Variable index must be in [0, {DecisionVariables}).");
            }
        }

        if (constraint.Variables.Distinct().Count() != constraint.Variables.Count)
        {
            throw new ArgumentException($"Constraint '{constraint.Name}' lists a variable twice.", nameof(constraint));
        }

        _constraints.Add(constraint);
        return this;
    }

    private static double[] Ones(int count)
    {
        var ones = new double[count];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
