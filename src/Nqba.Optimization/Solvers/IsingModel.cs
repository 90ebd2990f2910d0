using Nqba.Optimization.Model;

namespace Nqba.Optimization.Solvers;

/// <summary>
/// The solvers' working form of a model: spins ±1, fields h, symmetric CSR couplings J and an offset, so that
/// <c>E(s) = offset + Σ h_i s_i + Σ_{i&lt;j} J_ij s_i s_j</c> equals the source model's objective.
/// </summary>
internal sealed class IsingModel
{
    public IsingModel(BinaryQuadraticModel source)
    {
        Source = source;
        var ising = source.ToIsing();
        N = ising.VariableCount;
        H = ising.LinearArray;
        RowStart = ising.RowStart;
        Columns = ising.Columns;
        Weights = ising.Weights;
        Offset = ising.Offset;

        double maxField = 0, sumTypical = 0, minCoefficient = double.PositiveInfinity;
        var active = 0;
        for (var i = 0; i < N; i++)
        {
            double absSum = Math.Abs(H[i]), squares = H[i] * H[i];
            if (H[i] != 0)
            {
                minCoefficient = Math.Min(minCoefficient, Math.Abs(H[i]));
            }

            for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                var w = Weights[k];
                absSum += Math.Abs(w);
                squares += w * w;
                minCoefficient = Math.Min(minCoefficient, Math.Abs(w));
            }

            maxField = Math.Max(maxField, absSum);
            if (squares > 0)
            {
                sumTypical += Math.Sqrt(squares);
                active++;
            }
        }

        MaxDelta = 2 * maxField;
        // Integer arithmetic is exact and a little faster when every coefficient is a small integer (Gset is).
        if (maxField < (1 << 28) && Array.TrueForAll(H, w => Math.Floor(w) == w) && Array.TrueForAll(Weights, w => Math.Floor(w) == w))
        {
            IntegerH = Array.ConvertAll(H, w => (int)w);
            IntegerWeights = Array.ConvertAll(Weights, w => (int)w);
        }

        TypicalDelta = active > 0 ? 2 * sumTypical / active : 0;
        MinDelta = double.IsPositiveInfinity(minCoefficient) ? 1.0 : 2 * minCoefficient;
        if (TypicalDelta <= 0)
        {
            TypicalDelta = MinDelta;
        }
    }

    public BinaryQuadraticModel Source { get; }

    public int N { get; }

    public double[] H { get; }

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public double[] Weights { get; }

    public double Offset { get; }

    /// <summary><see cref="H"/> as integers when every coefficient is a small integer, else null.</summary>
    public int[]? IntegerH { get; }

    /// <summary><see cref="Weights"/> as integers when every coefficient is a small integer, else null.</summary>
    public int[]? IntegerWeights { get; }

    /// <summary>The largest possible |ΔE| of one flip.</summary>
    public double MaxDelta { get; }

    /// <summary>The mean |ΔE| of a flip from a random state (root of the summed squares of a row, doubled), over variables with coefficients.</summary>
    public double TypicalDelta { get; }

    /// <summary>A small non-zero |ΔE|: twice the smallest non-zero coefficient.</summary>
    public double MinDelta { get; }

    /// <summary>
    /// Hot inverse temperature: a typical uphill flip is accepted with probability 1/8. Hotter starts (1/2, or the
    /// largest flip at 1/2 as D-Wave's default) only randomize further and cost time on Gset.
    /// </summary>
    public double DefaultBetaHot => Math.Min(Math.Log(8) / TypicalDelta, DefaultBetaCold);

    /// <summary>Cold inverse temperature: the smallest uphill flip is accepted with probability 1 %.</summary>
    public double DefaultBetaCold => Math.Log(100) / MinDelta;

    /// <summary>Fills <paramref name="field"/> with <c>h_i + Σ_j J_ij s_j</c> and returns the energy of <paramref name="spins"/>.</summary>
    public double InitializeFields(ReadOnlySpan<double> spins, Span<double> field)
    {
        var energy = Offset;
        for (var i = 0; i < N; i++)
        {
            var sum = 0.0;
            for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                sum += Weights[k] * spins[Columns[k]];
            }

            field[i] = H[i] + sum;
            energy += spins[i] * (H[i] + sum / 2);
        }

        return energy;
    }

    /// <summary>The exact energy of <paramref name="spins"/>, recomputed from scratch.</summary>
    public double Energy(ReadOnlySpan<double> spins)
    {
        var energy = Offset;
        for (var i = 0; i < N; i++)
        {
            var sum = 0.0;
            for (var k = RowStart[i]; k < RowStart[i + 1]; k++)
            {
                var j = Columns[k];
                if (j > i)
                {
                    sum += Weights[k] * spins[j];
                }
            }

            energy += spins[i] * (H[i] + sum);
        }

        return energy;
    }

    public static byte[] ToBits(ReadOnlySpan<double> spins)
    {
        var bits = new byte[spins.Length];
        for (var i = 0; i < spins.Length; i++)
        {
            bits[i] = spins[i] > 0 ? (byte)1 : (byte)0;
        }

        return bits;
    }

    public static void RandomSpins(Span<double> spins, ref Xoshiro256 random)
    {
        for (var i = 0; i < spins.Length; i++)
        {
            spins[i] = (random.Next() >> 63) == 0 ? -1.0 : 1.0;
        }
    }
}
