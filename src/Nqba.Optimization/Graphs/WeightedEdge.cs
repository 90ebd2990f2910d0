namespace Nqba.Optimization.Graphs;

/// <summary>An undirected weighted edge between 0-based nodes.</summary>
/// <param name="U">One end.</param>
/// <param name="V">The other end.</param>
/// <param name="Weight">The edge weight.</param>
public readonly record struct WeightedEdge(int U, int V, double Weight);
