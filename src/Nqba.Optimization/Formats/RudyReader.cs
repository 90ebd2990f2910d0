using Nqba.Optimization.Graphs;

namespace Nqba.Optimization.Formats;

/// <summary>
/// Reads the rudy graph format used by the Gset Max-Cut benchmark: a first line <c>n m</c>, then <c>m</c> lines
/// <c>i j w</c> with 1-based node numbers. Blank lines are ignored.
/// </summary>
public static class RudyReader
{
    /// <summary>Reads a weighted graph.</summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="cancellationToken">Stops reading a large file.</param>
    /// <returns>The graph, with nodes renumbered from 0.</returns>
    /// <exception cref="ModelFormatException">The text is not a valid rudy file; the message names the line.</exception>
    public static WeightedGraph Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Span<Range> fields = stackalloc Range[4];
        var lineNumber = 0;
        string? line;
        int nodes = -1, edgeCount = 0;
        var edges = new List<WeightedEdge>();
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var count = LineTokenizer.Split(line, fields);
            if (count == 0)
            {
                continue;
            }

            if ((lineNumber & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (nodes < 0)
            {
                if (count != 2)
                {
                    throw new ModelFormatException(lineNumber, $"expected 2 fields 'n m' (nodes, edges), got {count}");
                }

                nodes = LineTokenizer.ParseIndex(line, fields[0], lineNumber, "node count");
                edgeCount = LineTokenizer.ParseIndex(line, fields[1], lineNumber, "edge count");
                if (nodes <= 0)
                {
                    throw new ModelFormatException(lineNumber, $"node count must be positive, got {nodes}");
                }

                if (edgeCount < 0)
                {
                    throw new ModelFormatException(lineNumber, $"edge count must not be negative, got {edgeCount}");
                }

                edges.Capacity = Math.Min(edgeCount, 1 << 24);
                continue;
            }

            if (count != 3)
            {
                throw new ModelFormatException(lineNumber, $"expected 3 fields 'i j w', got {count}");
            }

            if (edges.Count == edgeCount)
            {
                throw new ModelFormatException(lineNumber, $"more edges than the {edgeCount} declared on the first line");
            }

            var i = LineTokenizer.ParseIndex(line, fields[0], lineNumber, "node i");
            var j = LineTokenizer.ParseIndex(line, fields[1], lineNumber, "node j");
            var w = LineTokenizer.ParseWeight(line, fields[2], lineNumber, "weight w");
            if (i < 1 || i > nodes)
            {
                throw new ModelFormatException(lineNumber, $"node i = {i} is outside 1..{nodes}");
            }

            if (j < 1 || j > nodes)
            {
                throw new ModelFormatException(lineNumber, $"node j = {j} is outside 1..{nodes}");
            }

            edges.Add(new WeightedEdge(i - 1, j - 1, w));
        }

        if (nodes < 0)
        {
            throw new ModelFormatException(lineNumber + 1, "the file is empty; expected a first line 'n m'");
        }

        if (edges.Count != edgeCount)
        {
            throw new ModelFormatException(lineNumber + 1, $"the file ends after {edges.Count} edges, but the first line declares {edgeCount}");
        }

        return new WeightedGraph(nodes, edges);
    }
}
