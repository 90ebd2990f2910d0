using Nqba.Optimization.Formats;
using Nqba.Optimization.Graphs;

namespace Nqba.Bench;

/// <summary>A Gset graph with its best-known cut.</summary>
internal sealed record GsetInstance(string Name, WeightedGraph Graph, double BestKnown)
{
    public static GsetInstance Load(string directory, string name, IReadOnlyDictionary<string, double> bestKnown)
    {
        using var reader = File.OpenText(Path.Combine(directory, name));
        return new GsetInstance(name, RudyReader.Read(reader), bestKnown[name]);
    }
}
