using Google.OrTools.ModelBuilder;
using Google.Protobuf;
using MathNet.Numerics.LinearAlgebra;
using OperationsResearch;

namespace Nqba.Trading.Optimization;

/// <summary>
/// Sends a <see cref="QuadraticProgram"/> to an OR-Tools solver. The covariance is factored (Σ = F Fᵀ: Cholesky when
/// it is positive definite, else from its eigen-decomposition with the zero-eigenvalue columns dropped) and the model gets auxiliary variables y = Fᵀx, so
/// the quadratic objective is the diagonal <c>Σ y_k²</c>: PDLP (OR-Tools' first-order LP/QP solver) accepts only
/// diagonal quadratic objectives, and SCIP handles the variance limit as the convex quadratic constraint
/// <c>Σ y_k² ≤ limit</c>. OR-Tools' .NET API has no in-memory way to load an <c>MPModelProto</c> with quadratic terms,
/// so the model goes through a temporary protobuf file and <see cref="Model.ImportFromFile"/>.
/// </summary>
internal static class OrToolsBackend
{
    /// <summary>PDLP stops at relative and absolute optimality gaps of 1e-7 (constraints met to about 1e-8); the KKT refinement does the rest.</summary>
    private const string PdlpParameters = "termination_criteria { simple_optimality_criteria { eps_optimal_relative: 1e-7 eps_optimal_absolute: 1e-7 } }";

    /// <summary>Eigenvalues at or below this fraction of the largest are dropped from the factor.</summary>
    private const double FactorTolerance = 1e-14;

    /// <summary>A matrix whose smallest eigenvalue is above this fraction of the largest is factored by Cholesky.</summary>
    private const double CholeskyTolerance = 1e-10;

    private const double TimeLimitSeconds = 120;

    public static double[]? Solve(QuadraticProgram program, bool useScip)
    {
        var factor = program.Factor ?? Factor(program.Covariance);
        var model = BuildModel(program, factor);
        var path = Path.Combine(Path.GetTempPath(), $"nqba-qp-{Guid.NewGuid():N}.pb");
        try
        {
            File.WriteAllBytes(path, model.ToByteArray());
            var imported = new Model();
            if (!imported.ImportFromFile(path))
            {
                return null;
            }

            var solver = new Solver(useScip ? "scip" : "pdlp");
            solver.SetTimeLimitInSeconds(TimeLimitSeconds);
            if (!useScip)
            {
                solver.SetSolverSpecificParameters(PdlpParameters);
            }

            var status = solver.Solve(imported);
            if (status is not (SolveStatus.OPTIMAL or SolveStatus.FEASIBLE) || !solver.HasSolution())
            {
                return null;
            }

            return [.. Enumerable.Range(0, program.Variables).Select(i => solver.Value(imported.VarFromIndex(i)))];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static MPModelProto BuildModel(QuadraticProgram program, Matrix<double> factor)
    {
        var model = new MPModelProto();
        for (var i = 0; i < program.Variables; i++)
        {
            model.Variable.Add(new MPVariableProto { LowerBound = program.Lower[i], UpperBound = program.Upper[i], ObjectiveCoefficient = program.Linear[i] });
        }

        foreach (var row in program.Rows)
        {
            var constraint = new MPConstraintProto { LowerBound = row.Lower, UpperBound = row.Upper, Name = row.Name };
            for (var i = 0; i < row.Coefficients.Length; i++)
            {
                if (row.Coefficients[i] != 0)
                {
                    constraint.VarIndex.Add(i);
                    constraint.Coefficient.Add(row.Coefficients[i]);
                }
            }

            model.Constraint.Add(constraint);
        }

        var quadratic = new MPQuadraticObjective();
        var limit = program.VarianceLimit is { } variance ? new MPQuadraticConstraint { LowerBound = double.NegativeInfinity, UpperBound = variance } : null;
        for (var k = 0; k < factor.ColumnCount; k++)
        {
            var y = model.Variable.Count;
            model.Variable.Add(new MPVariableProto { LowerBound = double.NegativeInfinity, UpperBound = double.PositiveInfinity });
            var definition = new MPConstraintProto { LowerBound = 0, UpperBound = 0, Name = $"y{k}" };
            for (var i = 0; i < program.Assets; i++)
            {
                if (factor[i, k] != 0)
                {
                    definition.VarIndex.Add(i);
                    definition.Coefficient.Add(factor[i, k]);
                }
            }

            definition.VarIndex.Add(y);
            definition.Coefficient.Add(-1);
            model.Constraint.Add(definition);
            if (limit is null)
            {
                quadratic.Qvar1Index.Add(y);
                quadratic.Qvar2Index.Add(y);
                quadratic.Coefficient.Add(1);
            }
            else
            {
                limit.Qvar1Index.Add(y);
                limit.Qvar2Index.Add(y);
                limit.Qcoefficient.Add(1);
            }
        }

        if (limit is null)
        {
            model.QuadraticObjective = quadratic;
        }
        else
        {
            model.GeneralConstraint.Add(new MPGeneralConstraintProto { Name = "variance", QuadraticConstraint = limit });
        }

        return model;
    }

    public static Matrix<double> Factor(double[,] covariance)
    {
        var evd = Matrix<double>.Build.DenseOfArray(covariance).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Real();
        var largest = Math.Max(values.Maximum(), double.Epsilon);
        var n = covariance.GetLength(0);
        if (values.Minimum() > CholeskyTolerance * largest)
        {
            // Positive definite: the triangular Cholesky factor has half the non-zeros of the eigen factor, which
            // halves the work in PDLP's matrix-vector products.
            return Matrix<double>.Build.DenseOfArray(covariance).Cholesky().Factor;
        }

        var keep = Enumerable.Range(0, values.Count).Where(k => values[k] > FactorTolerance * largest).ToArray();
        return Matrix<double>.Build.Dense(n, keep.Length, (i, k) => evd.EigenVectors[i, keep[k]] * Math.Sqrt(values[keep[k]]));
    }
}
