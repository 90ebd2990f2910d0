namespace Nqba.Optimization.Model;

/// <summary>
/// An immutable binary quadratic model to be minimized:
/// <c>E(v) = offset + Σ_i a_i v_i + Σ_{i&lt;j} b_ij v_i v_j</c>, with <c>v</c> in {0, 1} (<see cref="Vartype.Binary"/>, QUBO)
/// or in {−1, +1} (<see cref="Vartype.Spin"/>, Ising).
/// </summary>
/// <remarks>
/// Couplings are stored as symmetric compressed sparse rows (each pair appears in both rows), which is what
/// the solvers iterate over. Solutions are passed as one byte per variable: for binary models the value itself,
/// for spin models 1 means +1 and 0 means −1. Create instances with <see cref="BinaryQuadraticModelBuilder"/>.
/// </remarks>
public sealed class BinaryQuadraticModel
{
    private readonly double[] _linear;
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _weights;

    internal BinaryQuadraticModel(Vartype vartype, double[] linear, int[] rowStart, int[] columns, double[] weights, double offset)
    {
        Vartype = vartype;
        _linear = linear;
        _rowStart = rowStart;
        _columns = columns;
        _weights = weights;
        Offset = offset;
    }

    /// <summary>The variable domain.</summary>
    public Vartype Vartype { get; }

    /// <summary>The number of variables.</summary>
    public int VariableCount => _linear.Length;

    /// <summary>The number of distinct non-zero couplings (pairs <c>i &lt; j</c>).</summary>
    public int InteractionCount => _columns.Length / 2;

    /// <summary>The constant term.</summary>
    public double Offset { get; }

    /// <summary>The linear coefficients, one per variable.</summary>
    public ReadOnlySpan<double> Linear => _linear;

    /// <summary>True when every coefficient (offset excluded) is an integer.</summary>
    public bool HasIntegerCoefficients =>
        Array.TrueForAll(_linear, w => Math.Floor(w) == w) && Array.TrueForAll(_weights, w => Math.Floor(w) == w);

    internal int[] RowStart => _rowStart;

    internal int[] Columns => _columns;

    internal double[] Weights => _weights;

    internal double[] LinearArray => _linear;

    /// <summary>The number of couplings of variable <paramref name="i"/>.</summary>
    public int Degree(int i) => _rowStart[i + 1] - _rowStart[i];

    /// <summary>The coefficient of <c>v_i · v_j</c>, zero when absent.</summary>
    public double GetQuadratic(int i, int j)
    {
        if (i == j)
        {
            return 0.0;
        }

        var from = _rowStart[i];
        var k = Array.BinarySearch(_columns, from, _rowStart[i + 1] - from, j);
        return k >= 0 ? _weights[k] : 0.0;
    }

    /// <summary>The couplings of variable <paramref name="i"/>: neighbour indices and weights, sorted by neighbour.</summary>
    public (ReadOnlyMemory<int> Neighbors, ReadOnlyMemory<double> Weights) GetRow(int i)
    {
        var from = _rowStart[i];
        var length = _rowStart[i + 1] - from;
        return (_columns.AsMemory(from, length), _weights.AsMemory(from, length));
    }

    /// <summary>Enumerates each coupling once, with <c>I &lt; J</c>.</summary>
    public IEnumerable<Interaction> Interactions()
    {
        for (var i = 0; i < _linear.Length; i++)
        {
            for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
            {
                if (_columns[k] > i)
                {
                    yield return new Interaction(i, _columns[k], _weights[k]);
                }
            }
        }
    }

    /// <summary>Computes the objective of a solution (one byte per variable, see the type remarks).</summary>
    /// <param name="solution">The solution; its length must equal <see cref="VariableCount"/>.</param>
    /// <returns>The objective value, offset included.</returns>
    public double Evaluate(ReadOnlySpan<byte> solution)
    {
        if (solution.Length != VariableCount)
        {
            throw new ArgumentException($"Expected {VariableCount} values, got {solution.Length}.", nameof(solution));
        }

        var spin = Vartype == Vartype.Spin;
        var linear = 0.0;
        var quadratic = 0.0;
        for (var i = 0; i < _linear.Length; i++)
        {
            double vi = spin ? 2 * solution[i] - 1 : solution[i];
            if (vi == 0.0)
            {
                continue;
            }

            linear += _linear[i] * vi;
            var row = 0.0;
            for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
            {
                var j = _columns[k];
                if (j > i)
                {
                    row += _weights[k] * (spin ? 2 * solution[j] - 1 : solution[j]);
                }
            }

            quadratic += vi * row;
        }

        return Offset + linear + quadratic;
    }

    /// <summary>The same objective over ±1 variables (<c>x = (s + 1) / 2</c>); this model when already spin.</summary>
    public BinaryQuadraticModel ToIsing() => Vartype == Vartype.Spin ? this : Convert(Vartype.Spin);

    /// <summary>The same objective over 0/1 variables (<c>s = 2x − 1</c>); this model when already binary.</summary>
    public BinaryQuadraticModel ToQubo() => Vartype == Vartype.Binary ? this : Convert(Vartype.Binary);

    /// <summary>The model with every coefficient multiplied by <paramref name="factor"/>.</summary>
    public BinaryQuadraticModel Scale(double factor)
    {
        if (!double.IsFinite(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be finite.");
        }

        var linear = Array.ConvertAll(_linear, w => w * factor);
        var weights = Array.ConvertAll(_weights, w => w * factor);
        return new BinaryQuadraticModel(Vartype, linear, _rowStart, _columns, weights, Offset * factor);
    }

    private BinaryQuadraticModel Convert(Vartype target)
    {
        var n = _linear.Length;
        var linear = new double[n];
        var weights = new double[_weights.Length];
        var offset = Offset;
        if (target == Vartype.Spin)
        {
            // x_i = (s_i + 1)/2:  a x_i -> a/2 s_i + a/2;  b x_i x_j -> b/4 (s_i s_j + s_i + s_j + 1).
            for (var i = 0; i < n; i++)
            {
                linear[i] += _linear[i] / 2;
                offset += _linear[i] / 2;
                for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
                {
                    var b = _weights[k];
                    weights[k] = b / 4;
                    linear[i] += b / 4;
                    offset += b / 8; // each pair is visited twice
                }
            }
        }
        else
        {
            // s_i = 2 x_i − 1:  h s_i -> 2h x_i − h;  J s_i s_j -> 4J x_i x_j − 2J x_i − 2J x_j + J.
            for (var i = 0; i < n; i++)
            {
                linear[i] += 2 * _linear[i];
                offset -= _linear[i];
                for (var k = _rowStart[i]; k < _rowStart[i + 1]; k++)
                {
                    var j = _weights[k];
                    weights[k] = 4 * j;
                    linear[i] -= 2 * j;
                    offset += j / 2; // each pair is visited twice
                }
            }
        }

        return new BinaryQuadraticModel(target, linear, _rowStart, _columns, weights, offset);
    }
}
