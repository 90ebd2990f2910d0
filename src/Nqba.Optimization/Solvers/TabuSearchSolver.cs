using Nqba.Optimization.Model;

namespace Nqba.Optimization.Solvers;

/// <summary>
/// Iterated tabu search: one-flip tabu search (random tenure, aspiration by objective) from a random start;
/// when it stalls, the walk restarts from its best solution with a random perturbation. Each thread runs an
/// independent walk with its own random stream.
/// </summary>
internal sealed class TabuSearchSolver : ISolver
{
    /// <inheritdoc/>
    public string Name => "tabu";

    /// <inheritdoc/>
    public SolveResult Solve(BinaryQuadraticModel model, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ising = new IsingModel(model);
        using var coordinator = new SearchCoordinator(ising, options, cancellationToken);
        coordinator.Run(worker =>
        {
            var random = new Xoshiro256(Xoshiro256.Derive(coordinator.Seed, (ulong)worker + 0x7AB0));
            var start = new double[ising.N];
            IsingModel.RandomSpins(start, ref random);
            Walk(coordinator, worker, start, ref random);
        });
        return coordinator.ToResult(Name);
    }

    /// <summary>Runs an iterated tabu walk from <paramref name="start"/> until the worker's share of the budget or a stop.</summary>
    internal static void Walk(SearchCoordinator coordinator, int worker, ReadOnlySpan<double> start, ref Xoshiro256 random)
    {
        var model = coordinator.Model;
        var n = model.N;
        var budget = coordinator.SweepBudget == long.MaxValue ? long.MaxValue : coordinator.SweepBudget * n / coordinator.Threads;
        var kernel = new TabuKernel(model);
        kernel.Load(start);
        // Tenure 3 + U[0, n/10) and stalls of 20n moves were the best of the settings tried on G14 (shorter tenures cycle).
        var stall = Math.Max(2_000L, 20L * n);
        const int TenureBase = 3;
        var tenureRange = Math.Max(1, n / 10);
        var workerBest = double.PositiveInfinity;
        var globalBest = new double[n];
        long moves = 0, round = 0;
        while (moves < budget)
        {
            var done = kernel.Run(stall, budget - moves, TenureBase, tenureRange, ref random, coordinator);
            moves += done;
            coordinator.AddWork(done / Math.Max(1, n), done, 1);
            if (kernel.BestEnergy < workerBest - 1e-9)
            {
                workerBest = kernel.BestEnergy;
                kernel.BestSpins.CopyTo(globalBest, 0);
                coordinator.Offer(globalBest, ((long)worker << 40) + round);
            }

            if (coordinator.ShouldStop || done == 0)
            {
                break;
            }

            // Perturb from the worker's best: between 1 % and 5 % of the variables.
            kernel.Load(globalBest);
            kernel.Perturb(Math.Max(2, (n / 100) + random.NextInt(Math.Max(1, n / 25))), ref random);
            round++;
        }
    }
}
