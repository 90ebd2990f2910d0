using Nqba.Optimization.Model;

namespace Nqba.Optimization.Solvers;

/// <summary>
/// Simulated annealing: many independent restarts, each a geometric inverse-temperature schedule from a hot
/// value (a typical uphill flip accepted with probability 1/8) to a cold one (the smallest uphill flip accepted 1 % of the
/// time), sequential Metropolis sweeps, then a greedy descent. Restart <c>r</c> uses a random stream derived
/// from (seed, r) and restarts are handed to threads as they free up, so with <see cref="SolverOptions.MaxSweeps"/> the
/// answer does not depend on timing or thread count.
/// </summary>
internal sealed class SimulatedAnnealingSolver : ISolver
{
    /// <summary>With reheats, one restart in this many starts from a random state; the others reheat the elite.</summary>
    private const int ReheatPeriod = 2;

    /// <inheritdoc/>
    public string Name => "sa";

    /// <inheritdoc/>
    public SolveResult Solve(BinaryQuadraticModel model, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ising = new IsingModel(model);
        using var coordinator = new SearchCoordinator(ising, options, cancellationToken);
        Run(coordinator, DefaultSweeps(ising), polishMoves: coordinator.TabuPolish ? 10L * ising.N : 0);
        return coordinator.ToResult(Name);
    }

    /// <summary>The default sweeps per restart: short enough for many restarts, long enough to anneal.</summary>
    internal static int DefaultSweeps(IsingModel model) => model.N <= 64 ? 200 : 1000;

    /// <summary>
    /// Runs restarts until the budget or a stop. With <paramref name="reheat"/>, every second restart of a worker
    /// re-anneals the worker's best solution from a middle temperature instead of a random state (restarts are then
    /// assigned to workers statically, so the answer stays deterministic per seed and thread count); each restart
    /// can be polished by a short tabu search.
    /// </summary>
    internal static void Run(SearchCoordinator coordinator, int defaultSweeps, long polishMoves, bool reheat = false, double reheatFraction = 0.5)
    {
        var model = coordinator.Model;
        var sweeps = Math.Max(1, coordinator.SweepsPerRestart ?? defaultSweeps);
        var maxRestarts = coordinator.SweepBudget == long.MaxValue ? long.MaxValue : Math.Max(1, (coordinator.SweepBudget + sweeps - 1) / sweeps);
        double betaHot = coordinator.BetaHot, betaCold = coordinator.BetaCold;
        var betaReheat = betaHot * Math.Pow(betaCold / betaHot, reheatFraction);
        var threads = coordinator.Threads;
        long nextRestart = -1;
        coordinator.Run(worker =>
        {
            var kernel = AnnealerFactory.Create(model);
            var spins = new double[model.N];
            var elite = new double[model.N];
            var tabu = polishMoves > 0 ? new TabuKernel(model) : null;
            var workerBest = double.PositiveInfinity;
            var eliteEnergy = double.PositiveInfinity;
            for (long local = 0; ; local++)
            {
                var restart = reheat ? worker + (local * threads) : Interlocked.Increment(ref nextRestart);
                if (restart >= maxRestarts || (restart > 0 && coordinator.ShouldStop))
                {
                    break;
                }

                var random = new Xoshiro256(Xoshiro256.Derive(coordinator.Seed, (ulong)restart));
                long done;
                if (reheat && local % ReheatPeriod != 0 && workerBest < double.PositiveInfinity)
                {
                    kernel.Load(elite);
                    done = kernel.Anneal(betaReheat, betaCold, sweeps, ref random, coordinator);
                }
                else
                {
                    kernel.Randomize(ref random);
                    done = kernel.Anneal(betaHot, betaCold, sweeps, ref random, coordinator);
                }

                done += kernel.Descend();
                long flips = done * model.N;
                kernel.CopySpinsTo(spins);
                var result = spins;
                if (tabu is not null)
                {
                    tabu.Load(spins);
                    var moves = tabu.Run(polishMoves, polishMoves, 3, Math.Max(1, model.N / 10), ref random, coordinator);
                    flips += moves;
                    done += moves / Math.Max(1, model.N);
                    result = tabu.BestSpins;
                }

                coordinator.AddWork(done, flips, 1);
                var energy = model.Energy(result);
                if (energy < workerBest)
                {
                    workerBest = energy;
                    eliteEnergy = energy;
                    result.CopyTo(elite, 0);
                    coordinator.Offer(result, restart);
                }
                else if (energy <= eliteEnergy)
                {
                    // Equal energy: move the elite across the plateau, so reheats do not circle one local optimum.
                    eliteEnergy = energy;
                    result.CopyTo(elite, 0);
                }
            }
        });
    }
}
