using Nqba.Optimization.Model;

namespace Nqba.Optimization.Solvers;

/// <summary>
/// Parallel tempering (replica exchange): replicas at fixed inverse temperatures spaced geometrically between the
/// model's hot and cold values each do one Metropolis sweep per round, then neighbouring replicas swap
/// configurations with probability <c>min(1, exp((β_a − β_b)(E_a − E_b)))</c>. Each thread runs its own ladder.
/// </summary>
internal sealed class ParallelTemperingSolver : ISolver
{
    private const int Replicas = 16;

    /// <inheritdoc/>
    public string Name => "pt";

    /// <inheritdoc/>
    public SolveResult Solve(BinaryQuadraticModel model, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ising = new IsingModel(model);
        using var coordinator = new SearchCoordinator(ising, options, cancellationToken);
        var n = ising.N;
        var budget = coordinator.SweepBudget == long.MaxValue ? long.MaxValue : coordinator.SweepBudget / coordinator.Threads;
        coordinator.Run(worker =>
        {
            var random = new Xoshiro256(Xoshiro256.Derive(coordinator.Seed, (ulong)worker + 0x9700));
            var betas = new double[Replicas];
            var ratio = Math.Pow(ising.DefaultBetaCold / ising.DefaultBetaHot, 1.0 / (Replicas - 1));
            var kernels = new IAnnealer[Replicas];
            for (var r = 0; r < Replicas; r++)
            {
                betas[r] = ising.DefaultBetaHot * Math.Pow(ratio, r);
                kernels[r] = AnnealerFactory.Create(ising);
                kernels[r].Randomize(ref random);
            }

            // slot[r] is the kernel currently at temperature r; swapping configurations swaps slots.
            var slot = Enumerable.Range(0, Replicas).ToArray();
            var workerBest = double.PositiveInfinity;
            var spins = new double[n];
            long sweeps = 0, round = 0;
            while (sweeps < budget)
            {
                for (var r = 0; r < Replicas; r++)
                {
                    kernels[slot[r]].Sweep(betas[r], ref random);
                }

                sweeps += Replicas;
                for (var r = (int)(round & 1); r + 1 < Replicas; r += 2)
                {
                    var a = kernels[slot[r]].Energy;
                    var b = kernels[slot[r + 1]].Energy;
                    var exponent = (betas[r] - betas[r + 1]) * (a - b);
                    if (exponent >= 0 || random.NextDouble() < Math.Exp(exponent))
                    {
                        (slot[r], slot[r + 1]) = (slot[r + 1], slot[r]);
                    }
                }

                var coldest = kernels[slot[Replicas - 1]];
                if (coldest.Energy < workerBest - 1e-9)
                {
                    coldest.CopySpinsTo(spins);
                    var exact = ising.Energy(spins);
                    if (exact < workerBest)
                    {
                        workerBest = exact;
                        coordinator.Offer(spins, ((long)worker << 40) + round);
                    }
                }

                round++;
                if ((round & 63) == 0)
                {
                    coordinator.AddWork(64 * Replicas, 64L * Replicas * n);
                    if (coordinator.ShouldStop)
                    {
                        break;
                    }
                }
            }

            coordinator.AddWork((round & 63) * Replicas, (round & 63) * Replicas * n, 1);
        });
        return coordinator.ToResult(Name);
    }
}
