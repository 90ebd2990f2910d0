using System.Numerics;

namespace Nqba.Optimization.Solvers;

/// <summary>
/// Metropolis sweeps over an <see cref="IsingModel"/> with incremental local fields: a flip costs O(degree), a
/// rejected attempt costs one comparison (and one random number when the move is uphill). Allocation-free after construction.
/// <typeparamref name="T"/> is <see cref="int"/> for models with small integer coefficients, else <see cref="double"/>.
/// </summary>
internal sealed class AnnealingKernel<T> : IAnnealer
    where T : unmanaged, INumber<T>
{
    private const int TableBits = 12;

    /// <summary>Quantiles of the unit exponential distribution: accepting when β·ΔE &lt; −ln u is the Metropolis rule.</summary>
    private static readonly float[] NegativeLogTable = BuildTable();

    private readonly IsingModel _model;
    private readonly T[] _weights;
    private readonly double[] _scratchSpins;
    private readonly double[] _scratchField;

    public AnnealingKernel(IsingModel model)
    {
        _model = model;
        Spins = new T[model.N];
        Field = new T[model.N];
        _scratchSpins = new double[model.N];
        _scratchField = new double[model.N];
        _weights = typeof(T) == typeof(double) ? (T[])(object)model.Weights
            : typeof(T) == typeof(int) && model.IntegerWeights is not null ? (T[])(object)model.IntegerWeights
            : throw new InvalidOperationException($"The model's coefficients cannot be represented as {typeof(T).Name}.");
    }

    public T[] Spins { get; }

    public T[] Field { get; }

    public double Energy { get; private set; }

    public void Randomize(ref Xoshiro256 random)
    {
        IsingModel.RandomSpins(_scratchSpins, ref random);
        Load(_scratchSpins);
    }

    public void Load(ReadOnlySpan<double> spins)
    {
        Energy = _model.InitializeFields(spins, _scratchField);
        for (var i = 0; i < spins.Length; i++)
        {
            Spins[i] = T.CreateTruncating(spins[i]);
            Field[i] = T.CreateTruncating(_scratchField[i]);
        }
    }

    public void CopySpinsTo(Span<double> spins)
    {
        for (var i = 0; i < Spins.Length; i++)
        {
            spins[i] = double.CreateTruncating(Spins[i]);
        }
    }

    /// <summary>Anneals geometrically from <paramref name="betaHot"/> to <paramref name="betaCold"/>; returns the sweeps done.</summary>
    public long Anneal(double betaHot, double betaCold, int sweeps, ref Xoshiro256 random, SearchCoordinator? stop)
    {
        var ratio = sweeps > 1 ? Math.Pow(betaCold / betaHot, 1.0 / (sweeps - 1)) : 1.0;
        var beta = sweeps > 1 ? betaHot : betaCold;
        for (var sweep = 0; sweep < sweeps; sweep++)
        {
            Sweep(beta, ref random);
            beta *= ratio;
            if ((sweep & 15) == 15 && stop is not null && stop.ShouldStop)
            {
                return sweep + 1;
            }
        }

        return sweeps;
    }

    /// <summary>Greedy sweeps (only non-worsening flips with ΔE &lt; 0) until a local minimum; returns the sweeps done.</summary>
    public long Descend()
    {
        long sweeps = 0;
        while (true)
        {
            sweeps++;
            if (GreedySweep() == 0)
            {
                return sweeps;
            }
        }
    }

    /// <summary>One Metropolis sweep in variable order at inverse temperature <paramref name="beta"/>; returns accepted flips.</summary>
    public unsafe int Sweep(double beta, ref Xoshiro256 random)
    {
        var n = _model.N;
        var rng = random;
        var accepted = 0;
        var energyChange = 0.0;
        var minusTwoBeta = -2.0 * beta;
        fixed (T* s = Spins, f = Field, w = _weights)
        fixed (int* rowStart = _model.RowStart, columns = _model.Columns)
        fixed (float* table = NegativeLogTable)
        {
            for (var i = 0; i < n; i++)
            {
                var si = s[i];
                var local = si * f[i];
                if (local < T.Zero && double.CreateTruncating(local) * minusTwoBeta >= table[rng.Next() >> (64 - TableBits)])
                {
                    continue;
                }

                var delta = -2.0 * double.CreateTruncating(local);

                si = -si;
                s[i] = si;
                var twice = si + si;
                var end = rowStart[i + 1];
                for (var k = rowStart[i]; k < end; k++)
                {
                    f[columns[k]] += twice * w[k];
                }

                energyChange += delta;
                accepted++;
            }
        }

        random = rng;
        Energy += energyChange;
        return accepted;
    }

    private unsafe int GreedySweep()
    {
        var n = _model.N;
        var accepted = 0;
        var energyChange = 0.0;
        fixed (T* s = Spins, f = Field, w = _weights)
        fixed (int* rowStart = _model.RowStart, columns = _model.Columns)
        {
            for (var i = 0; i < n; i++)
            {
                var si = s[i];
                var local = si * f[i];
                if (local <= T.Zero)
                {
                    continue;
                }

                var delta = -2.0 * double.CreateTruncating(local);

                si = -si;
                s[i] = si;
                var twice = si + si;
                var end = rowStart[i + 1];
                for (var k = rowStart[i]; k < end; k++)
                {
                    f[columns[k]] += twice * w[k];
                }

                energyChange += delta;
                accepted++;
            }
        }

        Energy += energyChange;
        return accepted;
    }

    private static float[] BuildTable()
    {
        var size = 1 << TableBits;
        var table = new float[size];
        for (var k = 0; k < size; k++)
        {
            table[k] = (float)-Math.Log((k + 0.5) / size);
        }

        return table;
    }
}
