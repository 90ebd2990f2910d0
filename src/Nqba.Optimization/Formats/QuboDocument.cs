using Nqba.Optimization.Model;
using Nqba.Optimization.Solvers;

namespace Nqba.Optimization.Formats;

/// <summary>
/// A QUBO over 0/1 variables as a plain, JSON-friendly description (the body of <c>POST /api/optimize</c>):
/// <c>offset + Σ linear.weight · x_i + Σ quadratic.weight · x_i · x_j</c>, minimized or maximized.
/// </summary>
/// <remarks>Call <see cref="Validate"/> before <see cref="ToModel"/> on untrusted input.</remarks>
public sealed class QuboDocument
{
    /// <summary>The largest number of variables accepted.</summary>
    public const int MaxVariables = 10_000_000;

    private const int MaxReportedErrors = 20;

    /// <summary>The number of variables, indexed from 0.</summary>
    public int Variables { get; set; }

    /// <summary>Linear terms; repeated indices are summed.</summary>
    public List<QuboLinearTerm> Linear { get; set; } = [];

    /// <summary>Quadratic terms; repeated pairs are summed.</summary>
    public List<QuboQuadraticTerm> Quadratic { get; set; } = [];

    /// <summary>A constant added to the objective.</summary>
    public double Offset { get; set; }

    /// <summary><c>"minimize"</c> (default) or <c>"maximize"</c>, case-insensitive.</summary>
    public string Sense { get; set; } = "minimize";

    /// <summary>The parsed <see cref="Sense"/>; call <see cref="Validate"/> first.</summary>
    public ObjectiveSense ObjectiveSense =>
        string.Equals(Sense?.Trim(), "maximize", StringComparison.OrdinalIgnoreCase) ? ObjectiveSense.Maximize : ObjectiveSense.Minimize;

    /// <summary>Checks the document; an empty result means it is valid.</summary>
    /// <returns>Errors keyed by field path (e.g. <c>quadratic[3].j</c>), in the shape of a validation problem response.</returns>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Variables <= 0 || Variables > MaxVariables)
        {
            errors["variables"] = [$"must be between 1 and {MaxVariables}, got {Variables}"];
        }

        if (Sense is null || (!string.Equals(Sense.Trim(), "minimize", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(Sense.Trim(), "maximize", StringComparison.OrdinalIgnoreCase)))
        {
            errors["sense"] = [$"must be 'minimize' or 'maximize', got '{Sense}'"];
        }

        if (!double.IsFinite(Offset))
        {
            errors["offset"] = ["must be a finite number"];
        }

        if (Linear is null)
        {
            errors["linear"] = ["must be an array (may be empty)"];
        }
        else
        {
            for (var k = 0; k < Linear.Count && errors.Count < MaxReportedErrors; k++)
            {
                var term = Linear[k];
                if (term is null)
                {
                    errors[$"linear[{k}]"] = ["must be an object {i, weight}"];
                    continue;
                }

                CheckIndex(errors, $"linear[{k}].i", term.I);
                CheckWeight(errors, $"linear[{k}].weight", term.Weight);
            }
        }

        if (Quadratic is null)
        {
            errors["quadratic"] = ["must be an array (may be empty)"];
        }
        else
        {
            for (var k = 0; k < Quadratic.Count && errors.Count < MaxReportedErrors; k++)
            {
                var term = Quadratic[k];
                if (term is null)
                {
                    errors[$"quadratic[{k}]"] = ["must be an object {i, j, weight}"];
                    continue;
                }

                CheckIndex(errors, $"quadratic[{k}].i", term.I);
                CheckIndex(errors, $"quadratic[{k}].j", term.J);
                CheckWeight(errors, $"quadratic[{k}].weight", term.Weight);
            }
        }

        return errors;
    }

    /// <summary>Builds the binary model to minimize: the objective itself, or its negation when maximizing.</summary>
    /// <returns>The model; objectives of the document are <c>sign · model objective</c> with sign −1 for maximize.</returns>
    /// <exception cref="InvalidOperationException">The document is invalid (see <see cref="Validate"/>).</exception>
    public BinaryQuadraticModel ToModel()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            var first = errors.First();
            throw new InvalidOperationException($"The QUBO document is invalid: {first.Key} {first.Value[0]}.");
        }

        var sign = ObjectiveSense == ObjectiveSense.Maximize ? -1.0 : 1.0;
        var builder = new BinaryQuadraticModelBuilder(Variables, Vartype.Binary);
        builder.AddOffset(sign * Offset);
        foreach (var term in Linear)
        {
            builder.AddLinear(term.I, sign * term.Weight);
        }

        foreach (var term in Quadratic)
        {
            builder.AddQuadratic(term.I, term.J, sign * term.Weight);
        }

        return builder.Build();
    }

    /// <summary>
    /// Solves the document in its own sense: <see cref="SolverOptions.Target"/> and the result's
    /// <see cref="SolveResult.Objective"/> (and progress objectives) are objectives of the document, larger being
    /// better when <see cref="Sense"/> is <c>maximize</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The document is invalid (see <see cref="Validate"/>).</exception>
    public SolveResult Solve(ISolver solver, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(options);
        var model = ToModel();
        if (ObjectiveSense == ObjectiveSense.Minimize)
        {
            return solver.Solve(model, options, cancellationToken);
        }

        var adapted = options with
        {
            Target = -options.Target,
            Progress = options.Progress is null ? null : new MappedProgress(options.Progress, e => -e),
        };
        var result = solver.Solve(model, adapted, cancellationToken);
        return result with { Objective = -result.Objective };
    }

    /// <summary>Builds a document from a binary model (spin models are converted first).</summary>
    public static QuboDocument FromModel(BinaryQuadraticModel model, ObjectiveSense sense = ObjectiveSense.Minimize)
    {
        ArgumentNullException.ThrowIfNull(model);
        var qubo = model.ToQubo();
        var sign = sense == ObjectiveSense.Maximize ? -1.0 : 1.0;
        var document = new QuboDocument
        {
            Variables = qubo.VariableCount,
            Offset = sign * qubo.Offset,
            Sense = sense == ObjectiveSense.Maximize ? "maximize" : "minimize",
        };
        for (var i = 0; i < qubo.VariableCount; i++)
        {
            if (qubo.Linear[i] != 0.0)
            {
                document.Linear.Add(new QuboLinearTerm(i, sign * qubo.Linear[i]));
            }
        }

        foreach (var interaction in qubo.Interactions())
        {
            document.Quadratic.Add(new QuboQuadraticTerm(interaction.I, interaction.J, sign * interaction.Weight));
        }

        return document;
    }

    private void CheckIndex(Dictionary<string, string[]> errors, string field, int index)
    {
        if (index < 0 || index >= Variables)
        {
            errors[field] = [$"variable index {index} is outside [0, {Variables})"];
        }
    }

    private static void CheckWeight(Dictionary<string, string[]> errors, string field, double weight)
    {
        if (!double.IsFinite(weight))
        {
            errors[field] = ["must be a finite number"];
        }
    }
}
