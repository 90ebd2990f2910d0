using System.Globalization;
using Nqba.Optimization.Model;

namespace Nqba.Optimization.Formats;

/// <summary>
/// Reads and writes the <c>qubo</c> text format:
/// <code>
/// # comment (anywhere; blank lines are ignored too)
/// qubo 3 minimize      header: variable count, optional sense (minimize | maximize)
/// offset 1.5           optional constant, may repeat (summed)
/// 0 0 -1               i i w : linear term w·x_i
/// 0 1 2                i j w : quadratic term w·x_i·x_j
/// </code>
/// Indices are 0-based; repeated terms are summed; numbers use the invariant culture ('.' decimal point).
/// </summary>
public static class QuboFormat
{
    /// <summary>Reads a document.</summary>
    /// <exception cref="ModelFormatException">The text is malformed; the message names the line and the problem.</exception>
    public static QuboDocument Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Span<Range> fields = stackalloc Range[4];
        QuboDocument? document = null;
        var lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if ((lineNumber & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var count = LineTokenizer.Split(line, fields);
            if (count == 0)
            {
                continue;
            }

            if (document is null)
            {
                document = ReadHeader(line, fields, count, lineNumber);
                continue;
            }

            if (line.AsSpan(fields[0]).Equals("offset", StringComparison.OrdinalIgnoreCase))
            {
                if (count != 2)
                {
                    throw new ModelFormatException(lineNumber, $"expected 2 fields 'offset w', got {count}");
                }

                document.Offset += LineTokenizer.ParseWeight(line, fields[1], lineNumber, "offset");
                continue;
            }

            if (count != 3)
            {
                throw new ModelFormatException(lineNumber, $"expected 3 fields 'i j w', got {count}");
            }

            var i = LineTokenizer.ParseIndex(line, fields[0], lineNumber, "index i");
            var j = LineTokenizer.ParseIndex(line, fields[1], lineNumber, "index j");
            var w = LineTokenizer.ParseWeight(line, fields[2], lineNumber, "weight w");
            CheckIndex(i, "i", document.Variables, lineNumber);
            CheckIndex(j, "j", document.Variables, lineNumber);
            if (i == j)
            {
                document.Linear.Add(new QuboLinearTerm(i, w));
            }
            else
            {
                document.Quadratic.Add(new QuboQuadraticTerm(i, j, w));
            }
        }

        return document ?? throw new ModelFormatException(lineNumber + 1, "the file has no header; expected 'qubo <variables> [minimize|maximize]'");
    }

    /// <summary>Writes a document in the <c>qubo</c> format.</summary>
    public static void Write(TextWriter writer, QuboDocument document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        var culture = CultureInfo.InvariantCulture;
        var sense = document.ObjectiveSense == ObjectiveSense.Maximize ? "maximize" : "minimize";
        writer.WriteLine(string.Create(culture, $"qubo {document.Variables} {sense}"));
        if (document.Offset != 0.0)
        {
            writer.WriteLine(string.Create(culture, $"offset {document.Offset:R}"));
        }

        foreach (var term in document.Linear)
        {
            writer.WriteLine(string.Create(culture, $"{term.I} {term.I} {term.Weight:R}"));
        }

        foreach (var term in document.Quadratic)
        {
            writer.WriteLine(string.Create(culture, $"{term.I} {term.J} {term.Weight:R}"));
        }
    }

    private static QuboDocument ReadHeader(string line, Span<Range> fields, int count, int lineNumber)
    {
        if (!line.AsSpan(fields[0]).Equals("qubo", StringComparison.OrdinalIgnoreCase) || count < 2 || count > 3)
        {
            throw new ModelFormatException(lineNumber, "expected the header 'qubo <variables> [minimize|maximize]'");
        }

        var variables = LineTokenizer.ParseIndex(line, fields[1], lineNumber, "variable count");
        if (variables <= 0 || variables > QuboDocument.MaxVariables)
        {
            throw new ModelFormatException(lineNumber, $"variable count must be between 1 and {QuboDocument.MaxVariables}, got {variables}");
        }

        var sense = "minimize";
        if (count == 3)
        {
            sense = line[fields[2]].ToLowerInvariant();
            if (sense is not ("minimize" or "maximize"))
            {
                throw new ModelFormatException(lineNumber, $"sense must be 'minimize' or 'maximize', got '{line[fields[2]]}'");
            }
        }

        return new QuboDocument { Variables = variables, Sense = sense };
    }

    private static void CheckIndex(int index, string name, int variables, int lineNumber)
    {
        if (index < 0 || index >= variables)
        {
            throw new ModelFormatException(lineNumber, $"index {name} = {index} is outside 0..{variables - 1}");
        }
    }
}
