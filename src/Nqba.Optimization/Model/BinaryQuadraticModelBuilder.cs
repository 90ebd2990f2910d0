namespace Nqba.Optimization.Model;

/// <summary>
/// Accumulates linear and quadratic coefficients and builds an immutable <see cref="BinaryQuadraticModel"/>.
/// Repeated terms are summed; <c>v_i · v_i</c> terms are folded into the linear part (binary) or the offset (spin).
/// </summary>
public sealed class BinaryQuadraticModelBuilder
{
    private readonly double[] _linear;
    private int[] _rows = new int[16];
    private int[] _columns = new int[16];
    private double[] _weights = new double[16];
    private int _count;
    private double _offset;

    /// <summary>Creates a builder for <paramref name="variableCount"/> variables of the given type.</summary>
    /// <param name="variableCount">The number of variables, indexed from 0.</param>
    /// <param name="vartype">Whether the variables are 0/1 or ±1.</param>
    public BinaryQuadraticModelBuilder(int variableCount, Vartype vartype)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variableCount);
        VariableCount = variableCount;
        Vartype = vartype;
        _linear = new double[variableCount];
    }

    /// <summary>The number of variables.</summary>
    public int VariableCount { get; }

    /// <summary>The variable domain of the model being built.</summary>
    public Vartype Vartype { get; }

    /// <summary>Adds <paramref name="weight"/> to the linear coefficient of variable <paramref name="i"/>.</summary>
    /// <returns>This builder.</returns>
    public BinaryQuadraticModelBuilder AddLinear(int i, double weight)
    {
        CheckIndex(i);
        CheckFinite(weight);
        _linear[i] += weight;
        return this;
    }

    /// <summary>Adds <paramref name="weight"/> · v_i · v_j to the model.</summary>
    /// <returns>This builder.</returns>
    public BinaryQuadraticModelBuilder AddQuadratic(int i, int j, double weight)
    {
        CheckIndex(i);
        CheckIndex(j);
        CheckFinite(weight);
        if (i == j)
        {
            if (Vartype == Vartype.Binary)
            {
                _linear[i] += weight;
            }
            else
            {
                _offset += weight;
            }

            return this;
        }

        if (_count == _rows.Length)
        {
            var size = _rows.Length * 2;
            Array.Resize(ref _rows, size);
            Array.Resize(ref _columns, size);
            Array.Resize(ref _weights, size);
        }

        _rows[_count] = i;
        _columns[_count] = j;
        _weights[_count] = weight;
        _count++;
        return this;
    }

    /// <summary>Adds a constant to the objective.</summary>
    /// <returns>This builder.</returns>
    public BinaryQuadraticModelBuilder AddOffset(double value)
    {
        CheckFinite(value);
        _offset += value;
        return this;
    }

    /// <summary>Builds the model: compressed sparse rows, duplicates merged, zero couplings dropped.</summary>
    /// <returns>The immutable model.</returns>
    public BinaryQuadraticModel Build()
    {
        var n = VariableCount;
        var degree = new int[n + 1];
        for (var k = 0; k < _count; k++)
        {
            degree[_rows[k] + 1]++;
            degree[_columns[k] + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            degree[i + 1] += degree[i];
        }

        var start = degree;
        var cursor = new int[n];
        Array.Copy(start, cursor, n);
        var columns = new int[start[n]];
        var weights = new double[start[n]];
        for (var k = 0; k < _count; k++)
        {
            int i = _rows[k], j = _columns[k];
            columns[cursor[i]] = j;
            weights[cursor[i]++] = _weights[k];
            columns[cursor[j]] = i;
            weights[cursor[j]++] = _weights[k];
        }

        // Sort each row by column, merge duplicates and drop zeros, compacting in place.
        var rowStart = new int[n + 1];
        var write = 0;
        for (var i = 0; i < n; i++)
        {
            int from = start[i], length = start[i + 1] - from;
            Array.Sort(columns, weights, from, length);
            rowStart[i] = write;
            var k = from;
            while (k < from + length)
            {
                var column = columns[k];
                var sum = 0.0;
                while (k < from + length && columns[k] == column)
                {
                    sum += weights[k++];
                }

                if (sum != 0.0)
                {
                    columns[write] = column;
                    weights[write++] = sum;
                }
            }
        }

        rowStart[n] = write;
        Array.Resize(ref columns, write);
        Array.Resize(ref weights, write);
        return new BinaryQuadraticModel(Vartype, (double[])_linear.Clone(), rowStart, columns, weights, _offset);
    }

    private void CheckIndex(int i)
    {
        if ((uint)i >= (uint)VariableCount)
        {
            throw new ArgumentOutOfRangeException(nameof(i), i, $"Variable index must be in [0, {VariableCount}).");
        }
    }

    private static void CheckFinite(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Coefficients must be finite numbers.");
        }
    }
}
