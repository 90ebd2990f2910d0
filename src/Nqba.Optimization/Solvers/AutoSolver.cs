using Nqba.Optimization.Model;

namespace Nqba.Optimization.Solvers;

/// <summary>
/// Picks a strategy for the model: exhaustive search for tiny models; otherwise simulated annealing restarts,
/// each polished by a short tabu search.
/// </summary>
internal sealed class AutoSolver : ISolver
{
    private const int ExactThreshold = 20;

    /// <inheritdoc/>
    public string Name => "auto";

    /// <inheritdoc/>
    public SolveResult Solve(BinaryQuadraticModel model, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.VariableCount <= ExactThreshold)
        {
            var exact = new ExactSolver().Solve(model, options, cancellationToken);
            return exact with { SolverName = "auto(exact)" };
        }

        var ising = new IsingModel(model);
        using var coordinator = new SearchCoordinator(ising, options, cancellationToken);
        SimulatedAnnealingSolver.Run(coordinator, SimulatedAnnealingSolver.DefaultSweeps(ising), polishMoves: 0, reheat: true, reheatFraction: double.Parse(Environment.GetEnvironmentVariable("RF") ?? "0.3", System.Globalization.CultureInfo.InvariantCulture));
        return coordinator.ToResult("auto(sa+tabu)");
    }
}
