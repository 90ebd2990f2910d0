using Nqba.Optimization.Model;

namespace Nqba.Optimization.Solvers;

/// <summary>
/// Picks a strategy for the model: exhaustive search for tiny models (≤ 20 variables); otherwise simulated
/// annealing in which every second restart re-anneals the worker's elite solution from a middle temperature
/// (the elite moves across equal-energy plateaus), which reached the best-known G22 cut about three times faster than
/// independent restarts. Tabu polishing was measured and did not pay on Gset, so it is not part of the mix.
/// </summary>
internal sealed class AutoSolver : ISolver
{
    private const int ExactThreshold = 20;

    /// <summary>Reheats start at β_hot·(β_cold/β_hot)^0.3: warm enough to leave the elite's basin, cold enough to keep most of it (tuned on Gset).</summary>
    private const double ReheatFraction = 0.3;

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
        SimulatedAnnealingSolver.Run(coordinator, SimulatedAnnealingSolver.DefaultSweeps(ising), polishMoves: 0, reheat: true, reheatFraction: ReheatFraction);
        return coordinator.ToResult("auto(sa+reheat)");
    }
}
