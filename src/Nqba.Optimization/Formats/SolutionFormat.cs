namespace Nqba.Optimization.Formats;

/// <summary>Writes a solution as text: one 0/1 per line, in variable order (the <c>--output</c> file of <c>nqba solve</c>).</summary>
public static class SolutionFormat
{
    /// <summary>Writes one value per line.</summary>
    public static void Write(TextWriter writer, ReadOnlySpan<byte> solution)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var value in solution)
        {
            writer.Write(value == 0 ? "0\n" : "1\n");
        }
    }
}
