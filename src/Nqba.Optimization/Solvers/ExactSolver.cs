using System.Numerics;
using Nqba.Optimization.Model;

namespace Nqba.Optimization.Solvers;

/// <summary>
/// Exhaustive enumeration in Gray-code order (one flip, O(degree) work per state) for models of up to
/// <see cref="MaxVariables"/> variables. The result is proven optimal unless the time limit or cancellation cut it short.
/// </summary>
internal sealed class ExactSolver : ISolver
{
    /// <summary>The largest model the exact solver accepts.</summary>
    public const int MaxVariables = 30;

    /// <inheritdoc/>
    public string Name => "exact";

    /// <inheritdoc/>
    public SolveResult Solve(BinaryQuadraticModel model, SolverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.VariableCount > MaxVariables)
        {
            throw new ArgumentException(
                $"The exact solver enumerates all states and accepts at most {MaxVariables} variables; this model has {model.VariableCount}. Use 'auto'.",
                nameof(model));
        }

        var ising = new IsingModel(model);
        using var coordinator = new SearchCoordinator(ising, options with { Threads = 1 }, cancellationToken);
        var n = ising.N;
        var kernel = new AnnealingKernel<double>(ising);
        var spins = new double[n];
        Array.Fill(spins, -1.0);
        kernel.Load(spins);
        var field = kernel.Field;
        var current = kernel.Spins;
        var best = kernel.Energy;
        ulong bestState = 0, state = 0;
        var total = n == 0 ? 1UL : 1UL << n;
        var complete = true;
        var energy = kernel.Energy;
        for (ulong k = 1; k < total; k++)
        {
            var i = BitOperations.TrailingZeroCount(k);
            var si = current[i];
            energy += -2.0 * si * field[i];
            si = -si;
            current[i] = si;
            state ^= 1UL << i;
            var twice = si + si;
            for (var e = ising.RowStart[i]; e < ising.RowStart[i + 1]; e++)
            {
                field[ising.Columns[e]] += twice * ising.Weights[e];
            }

            if (energy < best)
            {
                best = energy;
                bestState = state;
            }

            if ((k & 0xFFFFF) == 0 && coordinator.ShouldStop)
            {
                complete = false;
                break;
            }
        }

        for (var i = 0; i < n; i++)
        {
            spins[i] = ((bestState >> i) & 1) == 1 ? 1.0 : -1.0;
        }

        coordinator.AddWork(0, (long)Math.Min(total, long.MaxValue), 1);
        coordinator.Offer(spins, 0);
        return coordinator.ToResult(Name, provenOptimal: complete);
    }
}
