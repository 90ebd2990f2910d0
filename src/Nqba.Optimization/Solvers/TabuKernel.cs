namespace Nqba.Optimization.Solvers;

/// <summary>
/// One-flip tabu search with maintained flip deltas: each move scans the deltas for the best admissible flip
/// (non-tabu, or tabu but leading below the best energy — aspiration), then updates the neighbours' deltas.
/// </summary>
internal sealed class TabuKernel
{
    private readonly IsingModel _model;
    private readonly double[] _delta;
    private readonly long[] _tabuUntil;
    private long _iteration;

    public TabuKernel(IsingModel model)
    {
        _model = model;
        Spins = new double[model.N];
        BestSpins = new double[model.N];
        _delta = new double[model.N];
        _tabuUntil = new long[model.N];
    }

    public double[] Spins { get; }

    public double[] BestSpins { get; }

    public double Energy { get; private set; }

    public double BestEnergy { get; private set; }

    /// <summary>Starts from <paramref name="spins"/>, which also becomes the best so far; clears the tabu list.</summary>
    public void Load(ReadOnlySpan<double> spins)
    {
        spins.CopyTo(Spins);
        spins.CopyTo(BestSpins);
        Energy = _model.InitializeFields(Spins, _delta);
        for (var i = 0; i < _model.N; i++)
        {
            _delta[i] = -2.0 * Spins[i] * _delta[i];
        }

        BestEnergy = Energy;
        Array.Clear(_tabuUntil);
        _iteration = 0;
    }

    /// <summary>Flips <paramref name="count"/> random variables (a perturbation); the tabu list is kept.</summary>
    public void Perturb(int count, ref Xoshiro256 random)
    {
        for (var c = 0; c < count; c++)
        {
            Flip(random.NextInt(_model.N));
        }
    }

    /// <summary>
    /// Moves until <paramref name="stallLimit"/> moves pass without improving <see cref="BestEnergy"/>, or
    /// <paramref name="maxMoves"/> moves, or a stop request. Returns the moves made.
    /// </summary>
    public unsafe long Run(long stallLimit, long maxMoves, int tenureBase, int tenureRange, ref Xoshiro256 random, SearchCoordinator? stop)
    {
        var n = _model.N;
        var rng = random;
        long moves = 0, lastImprovement = 0;
        var bestPending = false;
        const double Epsilon = 1e-9;
        fixed (double* delta = _delta)
        fixed (long* tabu = _tabuUntil)
        {
            while (moves < maxMoves && moves - lastImprovement < stallLimit)
            {
                var iteration = ++_iteration;
                var aspiration = BestEnergy - Energy - Epsilon;
                var bestDelta = double.PositiveInfinity;
                var chosen = -1;
                var start = rng.NextInt(n);
                for (var i = start; i < n; i++)
                {
                    var d = delta[i];
                    if (d < bestDelta && (tabu[i] < iteration || d < aspiration))
                    {
                        bestDelta = d;
                        chosen = i;
                    }
                }

                for (var i = 0; i < start; i++)
                {
                    var d = delta[i];
                    if (d < bestDelta && (tabu[i] < iteration || d < aspiration))
                    {
                        bestDelta = d;
                        chosen = i;
                    }
                }

                if (chosen < 0)
                {
                    break;
                }

                if (bestPending && bestDelta > 0)
                {
                    Spins.CopyTo(BestSpins, 0);
                    bestPending = false;
                }

                Flip(chosen);
                tabu[chosen] = iteration + tenureBase + (tenureRange > 0 ? rng.NextInt(tenureRange) : 0);
                moves++;
                if (Energy < BestEnergy - Epsilon)
                {
                    BestEnergy = Energy;
                    bestPending = true;
                    lastImprovement = moves;
                }

                if ((moves & 255) == 0 && stop is not null && stop.ShouldStop)
                {
                    break;
                }
            }
        }

        if (bestPending)
        {
            Spins.CopyTo(BestSpins, 0);
        }

        random = rng;
        return moves;
    }

    /// <summary>Returns to the best solution seen (keeping the tabu list).</summary>
    public void RestoreBest()
    {
        var n = _model.N;
        for (var i = 0; i < n; i++)
        {
            if (Spins[i] != BestSpins[i])
            {
                Flip(i);
            }
        }
    }

    private unsafe void Flip(int i)
    {
        var d = _delta[i];
        Energy += d;
        var si = -Spins[i];
        Spins[i] = si;
        _delta[i] = -d;
        var factor = 4.0 * si;
        fixed (double* s = Spins, delta = _delta, w = _model.Weights)
        fixed (int* rowStart = _model.RowStart, columns = _model.Columns)
        {
            var end = rowStart[i + 1];
            for (var k = rowStart[i]; k < end; k++)
            {
                var j = columns[k];
                delta[j] -= factor * w[k] * s[j];
            }
        }
    }
}
