namespace Nqba.Optimization.Graphs;

/// <summary>An undirected weighted graph with 0-based nodes, as read from a rudy (Gset) file.</summary>
public sealed class WeightedGraph
{
    private readonly WeightedEdge[] _edges;

    /// <summary>Creates a graph; every edge end must be in <c>[0, nodeCount)</c>.</summary>
    public WeightedGraph(int nodeCount, IEnumerable<WeightedEdge> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        _edges = [.. edges];
        foreach (var edge in _edges)
        {
            if ((uint)edge.U >= (uint)nodeCount || (uint)edge.V >= (uint)nodeCount)
            {
                throw new ArgumentException($"Edge ({edge.U}, {edge.V}) has an end outside [0, {nodeCount}).", nameof(edges));
            }
        }

        NodeCount = nodeCount;
        TotalWeight = _edges.Sum(e => e.Weight);
    }

    /// <summary>The number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>The edges in file order.</summary>
    public IReadOnlyList<WeightedEdge> Edges => _edges;

    /// <summary>The sum of all edge weights.</summary>
    public double TotalWeight { get; }
}
