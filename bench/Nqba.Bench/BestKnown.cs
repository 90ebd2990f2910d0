using System.Globalization;

namespace Nqba.Bench;

/// <summary>Reads best_known.tsv (instance, nodes, edges, best known cut).</summary>
internal static class BestKnown
{
    public static Dictionary<string, double> Load(string directory)
    {
        var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(Path.Combine(directory, "best_known.tsv")).Skip(1))
        {
            var fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 4)
            {
                result[fields[0]] = double.Parse(fields[3], CultureInfo.InvariantCulture);
            }
        }

        return result;
    }
}
